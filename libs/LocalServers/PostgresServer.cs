using Npgsql;

namespace ECommerce.LocalServers;

/// <summary>A PostgreSQL 15 cluster in <c>StateDirectory/data</c>, created by initdb on first start.</summary>
public sealed class PostgresServer : ILocalServer
{
    private readonly PostgresOptions _options;
    private readonly PostgresTools _tools;
    private readonly ServerProcess _process;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _started;
    private bool _disposed;

    public PostgresServer(PostgresOptions options)
    {
        _options = options;
        StateDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.StateDirectory));
        _tools = new PostgresTools(options, StateDirectory);
        _process = new ServerProcess(this, Path.Combine(_tools.DataDirectory, "postmaster.pid"), _tools.LogFile);
    }

    public PostgresOptions Options => _options;
    public string Name => _options.Name;
    public int Port => _options.Port;
    public string StateDirectory { get; }
    public int? ProcessId => _process.Pid;
    public string Username => "postgres";
    public string Password => _options.Password;

    public string GetConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = Username, Password = Password, Database = database,
    }.ConnectionString;

    public async Task StartAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_started && await IsReadyAsync(ct)) return;
            await StopInstanceAsync(ct);
            _process.ThrowIfPortsTaken(Port);
            if (!_tools.IsInitialized && await _tools.InitDbAsync(ct) is { Succeeded: false } init)
            {
                throw _process.Failure($"initdb failed: {init.Output}");
            }
            var start = await _tools.StartAsync(ct);
            if (!start.Succeeded || !await IsReadyAsync(ct)) throw _process.Failure($"pg_ctl start failed: {start.Output}");
            _started = true;
        }
        finally { _gate.Release(); }
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try { await StopInstanceAsync(ct); }
        finally { _gate.Release(); }
    }

    public async Task KillAsync(CancellationToken ct = default)
    {
        var pid = ProcessId;
        await _process.KillAsync(pid, ct, Port);
        RemoveStaleLockFiles();
    }

    public Task PauseAsync(CancellationToken ct = default) => _process.SignalRunningAsync(Posix.SigStop);

    public Task ResumeAsync(CancellationToken ct = default) => _process.SignalRunningAsync(Posix.SigCont);

    public async Task<bool> IsReadyAsync(CancellationToken ct = default)
    {
        if (!Ports.IsListening(Port)) return false;
        var builder = new NpgsqlConnectionStringBuilder(GetConnectionString("postgres")) { Pooling = false, Timeout = 2 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException) { return false; }
    }

    /// <summary>Creates the database unless it exists; safe when several callers race for the same name.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        // Unpooled: a pooled connection from before a restart of this server would be dead.
        var builder = new NpgsqlConnectionStringBuilder(GetConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
        try { await create.ExecuteNonQueryAsync(ct); }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_options.DeleteStateOnDispose)
        {
            await StopAsync();
            return;
        }
        await KillAsync(); // the state goes anyway: a graceful stop (seconds, for a broker) would protect nothing
        _process.DeleteState();
    }

    /// <summary>Stops whatever runs from this state folder, whether we started it or a crashed run left it.</summary>
    private async Task StopInstanceAsync(CancellationToken ct)
    {
        _started = false;
        var pid = ProcessId;
        if (_process.IsOurs(pid))
        {
            _process.Signal(pid, Posix.SigCont); // a paused postmaster would never see pg_ctl's stop signal
            if (await _tools.StopAsync(ct) is { Succeeded: false }) _process.Signal(pid, Posix.SigKill);
            await _process.WaitStoppedAsync(pid, ct, Port);
        }
        RemoveStaleLockFiles();
    }

    // postgres refuses to start while its lock files (postmaster.pid and one per socket) name a live pid, and an
    // unreaped zombie counts as live; after a SIGKILL they do until PID 1 gets round to reaping the postmaster.
    private void RemoveStaleLockFiles()
    {
        var socketLocks = Directory.Exists(StateDirectory) ? Directory.GetFiles(StateDirectory, ".s.PGSQL.*.lock") : [];
        foreach (var lockFile in socketLocks.Append(_process.PidFile))
        {
            if (Posix.ReadPidFile(lockFile) is { } pid && !Posix.IsRunning(pid)) File.Delete(lockFile);
        }
    }
}
