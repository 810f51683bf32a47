using System.Runtime.InteropServices;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Npgsql;

namespace ECommerce.TestInfrastructure;

/// <summary>
/// One server of a <see cref="ServerSystem"/>. Stop, start and restart go through the AppHost's resource commands (what
/// the dashboard's buttons do, DCP stopping the process gracefully); kill, pause and resume signal the process tree DCP
/// reports as the resource's pid. Disposing a dedicated server's handle stops its system; a shared one's does nothing.
/// </summary>
public abstract class TestServer(ServerSystem system, string resource) : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);

    public string Resource => resource;

    public ServerSystem System => system;

    /// <summary>The port the server listens on (127.0.0.1), the same after a restart.</summary>
    public int Port => system.App.GetEndpoint(resource, "tcp").Port;

    internal bool OwnsSystem { get; init; }

    /// <summary>Gracefully stops the server and waits until it has exited; nothing when it is not running.</summary>
    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var current = await system.CurrentAsync(resource, timeout.Token);
        if (IsDown(current)) return;
        await ResumeAsync(); // a paused process cannot stop
        await system.ExecuteAsync(resource, KnownResourceCommands.StopCommand, timeout.Token);
        await system.WaitAsync(resource, IsDown, timeout.Token);
    }

    /// <summary>Starts the server again (same port, same state) and waits until it is healthy; when it runs, only waits.</summary>
    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var current = await system.CurrentAsync(resource, timeout.Token);
        if (!IsDown(current))
        {
            await ResumeAsync();
            await system.WaitAsync(resource, ServerSystem.IsHealthyRunning, timeout.Token);
            return;
        }
        await system.ExecuteAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        await system.WaitAsync(resource, e => ServerSystem.IsHealthyRunning(e) && Pid(e) != Pid(current), timeout.Token);
    }

    /// <summary>Aspire's restart command (stop, then start), waiting until the new process is healthy.</summary>
    public async Task RestartAsync()
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var before = Pid(await system.CurrentAsync(resource, timeout.Token));
        await ResumeAsync();
        await system.ExecuteAsync(resource, KnownResourceCommands.RestartCommand, timeout.Token);
        await system.WaitAsync(resource, e => ServerSystem.IsHealthyRunning(e) && Pid(e) != before, timeout.Token);
    }

    /// <summary>SIGKILL to the server's process tree (no shutdown at all), then waits until DCP sees it gone.</summary>
    public async Task KillAsync()
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var current = await system.CurrentAsync(resource, timeout.Token);
        if (Pid(current) is not { } pid || IsDown(current)) return;
        ProcessTree.Signal(pid, ProcessTree.Kill);
        await system.WaitAsync(resource, IsDown, timeout.Token);
    }

    /// <summary>SIGSTOP to the server's process tree: it keeps its sockets but answers nothing.</summary>
    public async Task PauseAsync()
    {
        if (Pid(await system.CurrentAsync(resource)) is { } pid) ProcessTree.Signal(pid, ProcessTree.Stop);
    }

    /// <summary>SIGCONT to the server's process tree.</summary>
    public async Task ResumeAsync()
    {
        if (Pid(await system.CurrentAsync(resource)) is { } pid) ProcessTree.Signal(pid, ProcessTree.Continue);
    }

    public ValueTask DisposeAsync() => OwnsSystem ? system.DisposeAsync() : ValueTask.CompletedTask;

    private static bool IsDown(ResourceEvent e) => e.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state);

    private static int? Pid(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
        && int.TryParse(value.ToString(), out var pid) ? pid : null;
}

public sealed class RedisServer(ServerSystem system, string resource) : TestServer(system, resource)
{
    /// <summary>host:port, as the AppHost gives it to a service.</summary>
    public string ConnectionString => System.ConnectionStringAsync(Resource).GetAwaiter().GetResult();
}

public sealed class RabbitMqServer(ServerSystem system, string resource) : TestServer(system, resource)
{
    /// <summary>amqp://guest:guest@host:port/, as the AppHost gives it to a service.</summary>
    public string AmqpUri => System.ConnectionStringAsync(Resource).GetAwaiter().GetResult();
}

public sealed class PostgresServer(ServerSystem system, string resource) : TestServer(system, resource)
{
    /// <summary>The superuser's connection string to the server (its <c>postgres</c> database).</summary>
    public string AdminConnectionString => GetConnectionString("postgres");

    public string GetConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(System.ConnectionStringAsync(Resource).GetAwaiter().GetResult()) { Database = database }.ConnectionString;

    /// <summary>Creates <paramref name="database"/> unless it exists.</summary>
    public async Task EnsureDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if (await exists.ExecuteScalarAsync() is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // created meanwhile by another test
        }
    }
}

/// <summary>Signals to a process and every descendant of it, read from /proc (a server's backends and helpers too).</summary>
internal static class ProcessTree
{
    public const int Kill = 9;
    public const int Stop = 19;
    public const int Continue = 18;

    public static void Signal(int root, int signal)
    {
        var parents = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var ppid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                (parents.TryGetValue(ppid, out var children) ? children : parents[ppid] = []).Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        }
        var tree = new List<int>();
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            tree.Add(pid);
            foreach (var child in parents.GetValueOrDefault(pid) ?? []) pending.Push(child);
        }
        // Parents first for a stop or kill, so none restarts a child; children first to continue them.
        if (signal == Continue) tree.Reverse();
        foreach (var pid in tree) _ = Send(pid, signal); // one gone meanwhile is fine
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Send(int pid, int signal);
}
