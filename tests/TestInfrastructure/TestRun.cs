using System.Diagnostics;
using ECommerce.LocalServers;

namespace ECommerce.TestInfrastructure;

/// <summary>
/// This test process's folder, <c>/tmp/ecommerce-tests/&lt;run-id&gt;/</c>, with an <c>owner.pid</c> naming the process.
/// Every server started here is killed when the process ends: by an exit handler when there is time for one, and
/// in any case by a detached reaper watching the process. A run that even the reaper missed (it was killed too) is
/// swept by the next run that starts, so nothing left behind keeps listening for long.
/// </summary>
internal sealed class TestRun
{
    private const string Root = "/tmp/ecommerce-tests";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan OwnerlessGrace = TimeSpan.FromMinutes(5);
    private int _serverCount;

    private TestRun(string directory) => Directory = directory;

    public string Directory { get; }

    public static TestRun Create()
    {
        SweepStaleRuns();
        var directory = Path.Combine(Root, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        System.IO.Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            // Whatever the umask: postgres runs as its own user and must reach its folder below these.
            const UnixFileMode mode = (UnixFileMode)0b111_101_101;
            File.SetUnixFileMode(Root, mode);
            File.SetUnixFileMode(directory, mode);
        }
        File.WriteAllText(Path.Combine(directory, OwnerFile), $"{Environment.ProcessId}\n");
        StartReaper(directory);
        var run = new TestRun(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => run.KillEverything();
        return run;
    }

    public string NewServerDirectory(string kind) =>
        Path.Combine(Directory, $"{kind}-{Interlocked.Increment(ref _serverCount)}");

    /// <summary>
    /// Kill, not stop: everything here is throwaway, and the test host gets about 100 ms after the run before it is
    /// killed itself, so this may not even finish. The reaper finishes the job: epmd daemons, the folder.
    /// </summary>
    private void KillEverything()
    {
        foreach (var server in System.IO.Directory.EnumerateDirectories(Directory))
        {
            try { OrphanedServers.KillProcesses(server); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// A detached shell (reap-run.sh) that waits for this process to end, however it ends, then kills what it
    /// started and deletes the run folder. setsid -f: its own session, and not our child, so nothing that ends
    /// the test host's process tree ends the reaper too.
    /// </summary>
    private static void StartReaper(string run)
    {
        using var resource = typeof(TestRun).Assembly.GetManifestResourceStream("reap-run.sh")
            ?? throw new InvalidOperationException("reap-run.sh is not embedded");
        var script = new StreamReader(resource).ReadToEnd();
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        string[] args = ["-c", "exec setsid -f /bin/sh -c \"$1\" reap-run \"$2\" \"$3\" >/dev/null 2>&1 </dev/null",
            "sh", script, run, $"{Environment.ProcessId}"];
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info);
        process?.WaitForExit(); // at once: setsid -f forks the reaper off
    }

    private static void SweepStaleRuns()
    {
        if (!System.IO.Directory.Exists(Root)) return;
        foreach (var run in System.IO.Directory.EnumerateDirectories(Root))
        {
            if (!IsStale(run)) continue;
            KillServersIn(run);
            DeleteQuietly(run);
        }
    }

    private static void KillServersIn(string run)
    {
        var kills = System.IO.Directory.EnumerateDirectories(run).Select(server => OrphanedServers.KillAsync(server));
        try { Task.WhenAll(kills).Wait(TimeSpan.FromSeconds(30)); }
        catch (AggregateException) { /* best effort: a sweep failure must not fail this run */ }
    }

    private static bool IsStale(string run)
    {
        var ownerFile = Path.Combine(run, OwnerFile);
        if (!File.Exists(ownerFile)) return DateTime.UtcNow - System.IO.Directory.GetLastWriteTimeUtc(run) > OwnerlessGrace;
        return !int.TryParse(File.ReadAllText(ownerFile).Trim(), out var owner) || !IsRunning(owner);
    }

    // A zombie counts as dead: PID 1 here reaps exited processes late.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..] is var rest && rest.Length > 0 && rest[0] is not ('Z' or 'X');
        }
        catch (IOException) { return false; }
    }

    private static void DeleteQuietly(string directory)
    {
        try { System.IO.Directory.Delete(directory, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
