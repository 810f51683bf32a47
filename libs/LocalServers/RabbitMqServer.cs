using System.Diagnostics;

namespace ECommerce.LocalServers;

/// <summary>
/// A RabbitMQ 3.10 broker with the management plugin, launched in its own session through the package's
/// server script (the /usr/sbin wrapper would switch to the rabbitmq user). It does not daemonize, so its
/// output goes to <c>stdout.log</c> and readiness is the AMQP handshake while the launcher is still alive.
/// </summary>
public sealed class RabbitMqServer : ILocalServer
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly RabbitMqOptions _options;
    private readonly RabbitMqTools _tools;
    private readonly ServerProcess _process;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _launcher;
    private bool _started;
    private bool _disposed;

    public RabbitMqServer(RabbitMqOptions options)
    {
        _options = options;
        StateDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.StateDirectory));
        _tools = new RabbitMqTools(options, StateDirectory);
        _process = new ServerProcess(this, RabbitMqEnvironment.PidFile(StateDirectory),
            RabbitMqEnvironment.StdoutLog(StateDirectory), RabbitMqEnvironment.NodeLog(options, StateDirectory));
    }

    public RabbitMqOptions Options => _options;
    public string Name => _options.Name;
    public int Port => _options.Port;
    public string StateDirectory { get; }
    public int? ProcessId => _process.Pid;
    public string AmqpUri =>
        $"amqp://{Uri.EscapeDataString(_options.User)}:{Uri.EscapeDataString(_options.Password)}@127.0.0.1:{Port}/{Uri.EscapeDataString(_options.VirtualHost)}";
    public string ManagementUrl => $"http://127.0.0.1:{_options.ManagementPort}/";

    private int[] AllPorts => [Port, _options.ManagementPort, _options.DistributionPort];

    public async Task StartAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_started && await IsReadyAsync(ct)) return;
            await StopInstanceAsync(ct);
            _process.ThrowIfPortsTaken([.. AllPorts, _options.EpmdPort]);
            RabbitMqEnvironment.WriteConfiguration(_options, StateDirectory);
            File.Delete(_process.PidFile); // a killed broker's, naming a dead VM until the new one writes its own
            _launcher = ProcessRunner.StartInOwnSession(RabbitMqTools.ServerScript, [], StateDirectory,
                RabbitMqEnvironment.StdoutLog(StateDirectory), RabbitMqEnvironment.For(_options, StateDirectory));

            var launcher = _launcher;
            await File.WriteAllTextAsync(RabbitMqEnvironment.LauncherPidFile(StateDirectory), $"{launcher.Id}\n", ct);
            var ready = await Ports.WaitUntilAsync(async () => launcher.HasExited || await IsReadyAsync(ct), StartTimeout, ct);
            if (!ready || launcher.HasExited)
            {
                var failure = _process.Failure(launcher.HasExited ? "exited before answering AMQP" : $"no AMQP answer within {StartTimeout.TotalSeconds:0} s");
                await KillInstanceAsync(ct);
                throw failure;
            }
            await _tools.ProvisionAsync(_process.Failure, ct);
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
        await _gate.WaitAsync(ct);
        try { await KillInstanceAsync(ct); }
        finally { _gate.Release(); }
    }

    public Task PauseAsync(CancellationToken ct = default) => _process.SignalRunningAsync(Posix.SigStop);

    public Task ResumeAsync(CancellationToken ct = default) => _process.SignalRunningAsync(Posix.SigCont);

    public Task<bool> IsReadyAsync(CancellationToken ct = default) => Ports.AnswersAmqpAsync(Port, ct);

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

    /// <summary>
    /// SIGTERM to the Erlang VM shuts the broker down as cleanly as <c>rabbitmqctl shutdown</c>, without booting
    /// a second VM for the CLI. Stops whatever runs from this state folder, ours or left by a crashed run.
    /// </summary>
    private async Task StopInstanceAsync(CancellationToken ct)
    {
        _started = false;
        var pid = ProcessId;
        if (_process.IsOurs(pid))
        {
            await _process.TerminateAsync(pid, ct);
            await _process.WaitStoppedAsync(pid, ct, AllPorts);
        }
        await ReleaseAsync(ct);
    }

    private async Task KillInstanceAsync(CancellationToken ct)
    {
        _started = false;
        var pid = ProcessId;
        await _process.KillAsync(pid, ct, AllPorts);
        await ReleaseAsync(ct);
    }

    /// <summary>
    /// The launcher script exits with the VM; it outlives it only when a start failed before the VM wrote its
    /// pid file, and then goes with its whole session. Then the broker's epmd, which would outlive both.
    /// </summary>
    private async Task ReleaseAsync(CancellationToken ct)
    {
        var launcher = Posix.ReadPidFile(RabbitMqEnvironment.LauncherPidFile(StateDirectory));
        if (_process.IsOurs(launcher) && !await Ports.WaitUntilAsync(() => !Posix.IsRunning(launcher!.Value), TimeSpan.FromSeconds(5), ct))
        {
            await _process.KillAsync(launcher, ct);
        }
        _launcher?.Dispose();
        _launcher = null;
        if (!await RabbitMqTools.StopEpmdAsync(StateDirectory, ct)) throw _process.Failure("its epmd is still listening");
    }
}
