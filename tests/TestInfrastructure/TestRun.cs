using System.Diagnostics;
using ECommerce.LocalServers;

namespace ECommerce.TestInfrastructure;

/// <summary>
/// This test process's folder, <c>/tmp/ecommerce-tests/&lt;run-id&gt;/</c>, with an <c>owner.pid</c> naming the process.
/// Every server started here is killed at process exit; a run whose owner died without that (a crash, a killed
/// test host) is swept by the next run that starts, so nothing it left keeps listening for long.
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
        var run = new TestRun(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => run.KillEverything();
        return run;
    }

    public string NewServerDirectory(string kind) =>
        Path.Combine(Directory, $"{kind}-{Interlocked.Increment(ref _serverCount)}");

    /// <summary>
    /// Kill, not stop: everything here is throwaway, and the test host gets about 100 ms after the run before it
    /// is killed itself. So only the signals happen here; a detached shell stops the brokers' epmd daemons and
    /// deletes the folder (a postgres cluster alone is a thousand files), and the next run's sweep backs it up.
    /// </summary>
    private void KillEverything()
    {
        foreach (var server in System.IO.Directory.EnumerateDirectories(Directory))
        {
            try { OrphanedServers.KillProcesses(server); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        FinishInBackground(Directory);
    }

    private static void FinishInBackground(string run)
    {
        const string script = """
            for f in "$1"/*/epmd.port; do
              [ -f "$f" ] || continue
              i=0
              while [ $i -lt 50 ] && ! epmd -port "$(cat "$f")" -kill; do i=$((i + 1)); sleep 0.1; done
            done
            rm -rf "$1"
            """;
        // setsid -f: a session of its own, and no longer our child when the test host's process tree is killed.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        string[] args = ["-c", "exec setsid -f /bin/sh -c \"$1\" sh \"$2\" >/dev/null 2>&1 </dev/null", "sh", script, run];
        foreach (var arg in args) info.ArgumentList.Add(arg);
        try { Process.Start(info)?.Dispose(); }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception) { }
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
