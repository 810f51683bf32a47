using System.Text.Json;
using System.Text.Json.Serialization;

namespace ECommerce.DevHost;

/// <summary>
/// run.json: which processes and servers this run started, rewritten as they change. A DevHost that is killed
/// cannot stop its children; the next one reads this record and stops them before it starts anything.
/// </summary>
public sealed class RunLedger(StateFolder folder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
    private readonly Lock _lock = new();
    private bool _closed;

    public void Record(IEnumerable<RunningResource> resources)
    {
        var record = new RunRecord(
            Environment.ProcessId,
            resources.OfType<ServerResource>()
                .Select(s => new ServerEntry(s.Name, s.Spec.Kind, s.ServerPorts, s.Server.StateDirectory, s.Pid)).ToList(),
            resources.OfType<ProjectResource>()
                .Select(p => new ProjectEntry(p.Name, p.Pid, p.Assembly)).ToList());
        lock (_lock)
        {
            // A process's last exit notice can arrive after the clean shutdown deleted the record.
            if (!_closed) AtomicFile.Write(folder.RunFile, JsonSerializer.Serialize(record, Json));
        }
    }

    public void Delete()
    {
        lock (_lock)
        {
            _closed = true;
            File.Delete(folder.RunFile);
        }
    }

    /// <summary>Stops what a previous run left behind; refuses if that run is still alive.</summary>
    public async Task CleanUpLeftoversAsync(ConsoleView console)
    {
        if (!File.Exists(folder.RunFile)) return;
        var record = JsonSerializer.Deserialize<RunRecord>(await File.ReadAllTextAsync(folder.RunFile), Json);
        if (record is null) return;
        if (record.DevHostPid != Environment.ProcessId && Signals.IsAlive(record.DevHostPid)
            && Signals.CommandLine(record.DevHostPid).Contains("ECommerce.DevHost", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"DevHost (pid {record.DevHostPid}) is already running with the state folder {folder.Root}. " +
                $"Stop it first (Ctrl+C there, or kill -TERM {record.DevHostPid}), or use --state DIR.");
        }

        console.WriteLine($"A previous DevHost (pid {record.DevHostPid}) did not exit cleanly: stopping what it left running.");
        foreach (var project in record.Projects)
        {
            // A pid can be reused: only a process running the same assembly is ours.
            if (project.Pid is not { } pid || !Signals.IsAlive(pid) || !Signals.CommandLine(pid).Contains(project.Assembly)) continue;
            console.WriteLine($"  {project.Name}: pid {pid}");
            Signals.Send(pid, Signals.Term);
            Signals.Send(pid, Signals.Cont);
            for (var i = 0; i < 50 && Signals.IsAlive(pid); i++) await Task.Delay(100);
            Signals.Send(pid, Signals.Kill);
        }
        foreach (var server in record.Servers)
        {
            var spec = new ResourceSpec(server.Name, server.Kind, null, null, [], [], new Dictionary<string, string>(), false, false);
            await using var local = LocalServerFactory.Create(spec, server.Ports, server.DataDirectory);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var running = (server.Pid is { } pid && Signals.IsAlive(pid)) || await local.IsReadyAsync(timeout.Token);
            if (!running) continue;
            console.WriteLine($"  {server.Name}: stopping the server in {server.DataDirectory}");
            try
            {
                await local.StopAsync(timeout.Token);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                console.WriteLine($"  {server.Name}: stop failed ({e.Message}); killing it");
                await local.KillAsync(CancellationToken.None);
            }
        }
        File.Delete(folder.StatusFile);
        File.Delete(folder.RunFile);
    }

    internal sealed record RunRecord(int DevHostPid, List<ServerEntry> Servers, List<ProjectEntry> Projects);

    internal sealed record ServerEntry(string Name, ResourceKind Kind, ResourcePorts Ports, string DataDirectory, int? Pid);

    internal sealed record ProjectEntry(string Name, int? Pid, string Assembly);
}
