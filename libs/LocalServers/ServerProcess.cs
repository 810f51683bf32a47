namespace ECommerce.LocalServers;

/// <summary>
/// What the three servers share about their main process: it is "ours" only while it runs from the state folder
/// (pid files outlive their processes and pids get reused), and "stopped" means gone and its ports closed.
/// </summary>
internal sealed class ServerProcess(ILocalServer server, string pidFile, params string[] logs)
{
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    public string PidFile => pidFile;

    public int? Pid => Posix.ReadPidFile(pidFile);

    public bool IsOurs(int? pid) => Posix.IsOurs(pid, server.StateDirectory);

    /// <summary>Signals the process tree, if the pid is still ours.</summary>
    public void Signal(int? pid, int signal)
    {
        if (IsOurs(pid)) Posix.SignalTree(pid!.Value, signal, server.StateDirectory);
    }

    /// <summary>For pause and resume, which make no sense on a server that is not running.</summary>
    public Task SignalRunningAsync(int signal)
    {
        var pid = Pid;
        if (!IsOurs(pid)) throw Failure("not running");
        Signal(pid, signal);
        return Task.CompletedTask;
    }

    /// <summary>
    /// SIGTERM to the main process only (its own shutdown stops its children), SIGKILL if it overruns.
    /// A paused server is resumed first, or the SIGTERM would wait for a SIGCONT that never comes.
    /// </summary>
    public async Task TerminateAsync(int? pid, CancellationToken ct)
    {
        if (!IsOurs(pid)) return;
        Posix.Signal(pid!.Value, Posix.SigTerm);
        Signal(pid, Posix.SigCont);
        if (!await Ports.WaitUntilAsync(() => !Posix.IsRunning(pid.Value), StopTimeout, ct)) Signal(pid, Posix.SigKill);
    }

    public async Task KillAsync(int? pid, CancellationToken ct, params int[] ports)
    {
        if (!IsOurs(pid)) return;
        Signal(pid, Posix.SigKill);
        await WaitStoppedAsync(pid, ct, ports);
    }

    public async Task WaitStoppedAsync(int? pid, CancellationToken ct, params int[] ports)
    {
        // Not IsOurs: a dying process loses its cwd link before its last thread has closed its sockets.
        var stopped = await Ports.WaitUntilAsync(
            () => (pid is not { } p || !Posix.IsRunning(p)) && !ports.Any(Ports.IsListening), StopTimeout, ct);
        if (!stopped) throw Failure("still running after stop");
    }

    public void ThrowIfPortsTaken(params int[] ports)
    {
        foreach (var port in ports.Where(Ports.IsListening)) throw Failure($"port {port} is taken by another process");
    }

    public LocalServerException Failure(string what) => new(LogTail.Failure(server, what, logs));

    public void DeleteState()
    {
        if (Directory.Exists(server.StateDirectory)) Directory.Delete(server.StateDirectory, recursive: true);
    }
}
