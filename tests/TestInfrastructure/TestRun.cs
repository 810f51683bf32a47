namespace ECommerce.TestInfrastructure;

/// <summary>
/// This test process's folder, <c>/tmp/ecommerce-tests/&lt;run-id&gt;/</c> (with an <c>owner.pid</c>), where the servers
/// it starts keep their state. The processes themselves are DCP's: it stops them when their system is disposed (here at
/// process exit, for those still running) and, should the test process die first, when DCP sees its monitored process
/// gone. What is left is state on disk, which the next run deletes for every run whose owner has ended.
/// </summary>
internal sealed class TestRun
{
    private const string Root = "/tmp/ecommerce-tests";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan OwnerlessGrace = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ExitBudget = TimeSpan.FromSeconds(20);
    private static readonly Lazy<TestRun> Instance = new(Create);
    private readonly HashSet<ServerSystem> _running = [];
    private int _serverCount;

    private TestRun(string directory) => Directory = directory;

    public static TestRun Current => Instance.Value;

    public string Directory { get; }

    public string NewServerDirectory(string kind)
    {
        var directory = Path.Combine(Directory, $"{kind}-{Interlocked.Increment(ref _serverCount)}");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    public void Track(ServerSystem system)
    {
        lock (_running) _running.Add(system);
    }

    public void Forget(ServerSystem system)
    {
        lock (_running) _running.Remove(system);
    }

    private static TestRun Create()
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
        AppDomain.CurrentDomain.ProcessExit += (_, _) => run.StopEverything();
        return run;
    }

    /// <summary>Stops every system still running (the shared ones), within a budget: DCP's monitor finishes the job if this cannot.</summary>
    private void StopEverything()
    {
        List<ServerSystem> running;
        lock (_running) running = [.. _running];
        try { Task.WhenAll(running.Select(s => s.DisposeAsync().AsTask())).Wait(ExitBudget); }
        catch (AggregateException) { /* best effort at exit */ }
        lock (_running) if (_running.Count == 0) DeleteQuietly(Directory);
    }

    private static void SweepStaleRuns()
    {
        if (!System.IO.Directory.Exists(Root)) return;
        foreach (var run in System.IO.Directory.EnumerateDirectories(Root))
            if (IsStale(run)) DeleteQuietly(run);
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
