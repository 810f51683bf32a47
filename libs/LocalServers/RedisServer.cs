namespace ECommerce.LocalServers;

/// <summary>
/// A redis-server that daemonizes itself (pid file, log file and append-only file in the state folder).
/// It stops gracefully on SIGTERM, the same as SHUTDOWN, so stopping needs no password.
/// </summary>
public sealed class RedisServer : ILocalServer
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly RedisOptions _options;
    private readonly ServerProcess _process;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _started;
    private bool _disposed;

    public RedisServer(RedisOptions options)
    {
        _options = options;
        StateDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.StateDirectory));
        _process = new ServerProcess(this, Path.Combine(StateDirectory, "redis.pid"), LogFile);
    }

    public RedisOptions Options => _options;
    public string Name => _options.Name;
    public int Port => _options.Port;
    public string StateDirectory { get; }
    public int? ProcessId => _process.Pid;
    public string ConnectionString => _options.Password is null ? $"127.0.0.1:{Port}" : $"127.0.0.1:{Port},password={_options.Password}";

    private string LogFile => Path.Combine(StateDirectory, "redis.log");

    public async Task StartAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_started && await IsReadyAsync(ct)) return;
            await StopInstanceAsync(ct);
            _process.ThrowIfPortsTaken(Port);
            Directory.CreateDirectory(StateDirectory);
            File.Delete(_process.PidFile); // a killed server's: the wait below would take it for the new one's

            string[] args = ["--bind", "127.0.0.1", "--port", $"{Port}", "--dir", StateDirectory, "--save", "", "--appendonly", "yes",
                "--daemonize", "yes", "--pidfile", _process.PidFile, "--logfile", LogFile,
                .. _options.Password is { } password ? ["--requirepass", password] : Array.Empty<string>()];
            var launch = await ProcessRunner.RunAsync("redis-server", args, StateDirectory, TimeSpan.FromSeconds(30), ct: ct);
            if (!launch.Succeeded) throw _process.Failure($"redis-server failed: {launch.Output}");

            // The daemon writes its pid file right after forking: a pid file without a live process means it died.
            var ready = await Ports.WaitUntilAsync(
                async () => await IsReadyAsync(ct) || (File.Exists(_process.PidFile) && !_process.IsOurs(ProcessId)),
                StartTimeout, ct);
            if (!ready || !await IsReadyAsync(ct))
            {
                await KillAsync(ct);
                throw _process.Failure("did not answer PING");
            }
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
        await _process.KillAsync(ProcessId, ct, Port);
    }

    public Task PauseAsync(CancellationToken ct = default) => _process.SignalRunningAsync(Posix.SigStop);

    public Task ResumeAsync(CancellationToken ct = default) => _process.SignalRunningAsync(Posix.SigCont);

    public Task<bool> IsReadyAsync(CancellationToken ct = default) => Ports.AnswersRedisPingAsync(Port, _options.Password, ct);

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
        if (!_process.IsOurs(pid)) return;
        await _process.TerminateAsync(pid, ct);
        await _process.WaitStoppedAsync(pid, ct, Port);
    }
}
