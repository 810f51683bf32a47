namespace ECommerce.DevHost;

/// <summary>
/// A resource of the topology at run time: its state and the lifecycle verbs the control API offers.
/// Start, stop and restart take turns; kill, pause and resume do not wait, so a hung start can still be killed.
/// </summary>
public abstract class RunningResource
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private ResourceState _state = ResourceState.Waiting;

    protected RunningResource(ResourceSpec spec, ResourceLog log)
    {
        Spec = spec;
        Log = log;
    }

    public ResourceSpec Spec { get; }
    public string Name => Spec.Name;
    public ResourceLog Log { get; }

    public virtual ResourceState State => _state;
    public abstract int? Pid { get; }
    public abstract string? Url { get; }
    public abstract string? ConnectionString { get; }
    public virtual IReadOnlyList<int> Ports => [];
    public int? ExitCode { get; protected set; }
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>How long the last start took to healthy: the progress display shows it.</summary>
    public TimeSpan? StartDuration { get; private set; }

    public event Action<RunningResource>? Changed;

    public Task StartAsync(CancellationToken ct) => TakeTurnAsync(() => StartCoreAsync(ct), ct);

    public Task StopAsync(CancellationToken ct) => TakeTurnAsync(() => OnStopAsync(ct), ct);

    public Task RestartAsync(CancellationToken ct) => TakeTurnAsync(async () =>
    {
        await OnStopAsync(ct);
        await StartCoreAsync(ct);
    }, ct);

    public Task KillAsync(CancellationToken ct) => OnKillAsync(ct);

    public Task PauseAsync(CancellationToken ct) => OnPauseAsync(ct);

    public Task ResumeAsync(CancellationToken ct) => OnResumeAsync(ct);

    /// <summary>Notices a process that died by itself; called periodically.</summary>
    public virtual void CheckAlive()
    {
    }

    public ResourceSnapshot Snapshot() => new(
        Name, Spec.Kind.ToString(), State.ToString(), Url, Pid, ExitCode, ConnectionString, Ports, StartedAt);

    protected abstract Task OnStartAsync(CancellationToken ct);
    protected abstract Task OnStopAsync(CancellationToken ct);
    protected abstract Task OnKillAsync(CancellationToken ct);
    protected abstract Task OnPauseAsync(CancellationToken ct);
    protected abstract Task OnResumeAsync(CancellationToken ct);

    protected void SetState(ResourceState state)
    {
        if (state == ResourceState.Starting) StartedAt = DateTimeOffset.Now;
        if (state == ResourceState.Healthy && _state == ResourceState.Starting) StartDuration = DateTimeOffset.Now - StartedAt;
        if (_state == state) return;
        _state = state;
        Log.Note($"{state}{(state == ResourceState.Exited && ExitCode is { } code ? $" (exit code {code})" : "")}");
        RaiseChanged();
    }

    protected void RaiseChanged() => Changed?.Invoke(this);

    private async Task StartCoreAsync(CancellationToken ct)
    {
        if (State == ResourceState.Healthy) return;
        if (State == ResourceState.Paused)
        {
            await OnResumeAsync(ct);
            return;
        }
        await OnStartAsync(ct);
    }

    private async Task TakeTurnAsync(Func<Task> operation, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            await operation();
        }
        finally
        {
            _turn.Release();
        }
    }
}
