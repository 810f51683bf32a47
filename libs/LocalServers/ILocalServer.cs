namespace ECommerce.LocalServers;

/// <summary>
/// A server run as a plain child process bound to 127.0.0.1, with all its state in one folder.
/// "Stopped" is judged by the port, never by <c>kill -0</c>: PID 1 here reaps exited daemons late.
/// </summary>
public interface ILocalServer : IAsyncDisposable
{
    string Name { get; }
    int Port { get; }
    string StateDirectory { get; }

    /// <summary>The main server process id, from the server's pid file, when known.</summary>
    int? ProcessId { get; }

    /// <summary>
    /// Creates the state on first use, stops a stale instance left running from the same state folder,
    /// then waits until the server answers. Calling it again on a running server is a no-op.
    /// </summary>
    Task StartAsync(CancellationToken ct = default);

    /// <summary>Graceful stop; returns once the port no longer listens (SIGKILL if the stop overruns).</summary>
    Task StopAsync(CancellationToken ct = default);

    /// <summary>SIGKILL of the server processes, as a crash would; returns once the port is closed.</summary>
    Task KillAsync(CancellationToken ct = default);

    /// <summary>SIGSTOP: the port stays open but nothing answers, as with a hung server.</summary>
    Task PauseAsync(CancellationToken ct = default);

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    Task ResumeAsync(CancellationToken ct = default);

    Task<bool> IsReadyAsync(CancellationToken ct = default);
}
