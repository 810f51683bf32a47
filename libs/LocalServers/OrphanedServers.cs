namespace ECommerce.LocalServers;

/// <summary>Cleans up after a process that started servers and died before stopping them.</summary>
public static class OrphanedServers
{
    /// <summary>
    /// SIGKILLs every process named by a pid file in the state folder (or one level below, like postgres's
    /// data folder) that still runs from that folder, waits for them to go, then stops the broker's epmd if
    /// one was started there.
    /// </summary>
    public static async Task KillAsync(string stateDirectory, CancellationToken ct = default)
    {
        var dir = Normalize(stateDirectory);
        var pids = KillProcesses(dir);
        await Ports.WaitUntilAsync(() => !pids.Any(Posix.IsRunning), TimeSpan.FromSeconds(10), ct);
        await RabbitMqTools.StopEpmdAsync(dir, ct);
    }

    /// <summary>
    /// Only the SIGKILLs of <see cref="KillAsync"/>, without waiting: for process-exit handlers, which the test
    /// host gives about 100 ms. Each named process goes with its process group; their other children (postgres
    /// backends, Erlang's helpers) exit by themselves when their parent dies. A broker's epmd outlives all this:
    /// its port is in the folder's <c>epmd.port</c>.
    /// </summary>
    public static IReadOnlyList<int> KillProcesses(string stateDirectory)
    {
        var dir = Normalize(stateDirectory);
        if (!Directory.Exists(dir)) return [];
        var pidFiles = Directory.EnumerateFiles(dir, "*.pid")
            .Concat(Directory.EnumerateDirectories(dir).SelectMany(sub => Directory.EnumerateFiles(sub, "*.pid")));
        var pids = pidFiles.Select(Posix.ReadPidFile).OfType<int>().Where(pid => Posix.IsOurs(pid, dir)).ToList();
        foreach (var pid in pids) Posix.SignalGroup(pid, Posix.SigKill, dir);
        return pids;
    }

    private static string Normalize(string directory) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
}
