using System.Diagnostics;

namespace ECommerce.DevHost;

/// <summary>
/// A service or the gateway, run from its build output as a child process. Healthy once its /health answers 200;
/// a process that dies is shown as Exited and left down, because the fault scenarios want to see it down.
/// </summary>
public sealed class ProjectResource(
    ResourceSpec spec,
    string assembly,
    string workingDirectory,
    int port,
    Func<ProjectResource, IReadOnlyDictionary<string, string>> environment,
    TimeSpan healthTimeout,
    ResourceLog log) : RunningResource(spec, log)
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private Process? _process;

    /// <summary>Starts so far; the telemetry instance id tells one run of the process from the next.</summary>
    public int Launches { get; private set; }

    public string Assembly { get; } = assembly;
    public int Port { get; } = port;

    public override int? Pid => _process is { HasExited: false } p ? p.Id : null;
    public override string Url => $"http://127.0.0.1:{Port}";
    public override string? ConnectionString => null;
    public override IReadOnlyList<int> Ports => [Port];

    protected override async Task OnStartAsync(CancellationToken ct)
    {
        // An unhealthy one still runs and holds the port: a new start replaces it.
        if (_process is { HasExited: false }) await OnStopAsync(ct);
        SetState(ResourceState.Starting);
        ExitCode = null;
        Launches++;
        var process = ChildProcess.Start(Assembly, workingDirectory, environment(this), Log);
        _process = process;
        Log.Note($"started pid {process.Id}: {Assembly}");
        RaiseChanged();
        _ = WatchAsync(process);
        await WaitHealthyAsync(process, ct);
        SetState(ResourceState.Healthy);
    }

    protected override async Task OnStopAsync(CancellationToken ct)
    {
        if (_process is not { } process || process.HasExited)
        {
            if (State is not (ResourceState.Exited or ResourceState.Waiting)) SetState(ResourceState.Stopped);
            return;
        }
        SetState(ResourceState.Stopping);
        Signals.Send(process.Id, Signals.Term);
        // A paused process only acts on the SIGTERM once it runs again.
        Signals.Send(process.Id, Signals.Cont);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(ct);
        grace.CancelAfter(GracePeriod);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            Log.Note($"did not stop within {GracePeriod.TotalSeconds:0} s: killing it");
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }
        ExitCode = process.ExitCode;
        SetState(ResourceState.Stopped);
    }

    protected override async Task OnKillAsync(CancellationToken ct)
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill();
        await process.WaitForExitAsync(ct);
        // Answer with the state the caller caused, not whatever the exit watcher has got to.
        ExitCode = process.ExitCode;
        SetState(ResourceState.Exited);
    }

    protected override Task OnPauseAsync(CancellationToken ct)
    {
        if (_process is not { HasExited: false } process || State is not (ResourceState.Healthy or ResourceState.Unhealthy))
            throw ResourceOperationException.NotSupported($"Cannot pause '{Name}': it is {State}.");
        Signals.Send(process.Id, Signals.Stop);
        SetState(ResourceState.Paused);
        return Task.CompletedTask;
    }

    protected override Task OnResumeAsync(CancellationToken ct)
    {
        if (State != ResourceState.Paused || _process is not { HasExited: false } process) return Task.CompletedTask;
        Signals.Send(process.Id, Signals.Cont);
        SetState(ResourceState.Healthy);
        return Task.CompletedTask;
    }

    private async Task WaitHealthyAsync(Process process, CancellationToken ct)
    {
        var deadline = DateTimeOffset.Now + healthTimeout;
        var health = new Uri($"{Url}/health");
        var last = "no answer yet";
        while (DateTimeOffset.Now < deadline)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                await process.WaitForExitAsync(CancellationToken.None);
                throw ResourceOperationException.Unavailable($"'{Name}' exited with code {process.ExitCode} while starting.");
            }
            try
            {
                using var response = await Http.GetAsync(health, ct);
                if (response.IsSuccessStatusCode) return;
                last = $"/health answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                last = "/health did not answer within 5 s";
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
        SetState(ResourceState.Unhealthy);
        throw ResourceOperationException.Unavailable(
            $"'{Name}' was not healthy within {healthTimeout.TotalSeconds:0} s (last: {last.ReplaceLineEndings(" ")}).");
    }

    private async Task WatchAsync(Process process)
    {
        await process.WaitForExitAsync(CancellationToken.None);
        if (!ReferenceEquals(process, _process)) return;
        ExitCode = process.ExitCode;
        Log.Note($"pid {process.Id} exited with code {process.ExitCode}");
        if (State is not (ResourceState.Stopping or ResourceState.Stopped)) SetState(ResourceState.Exited);
        else RaiseChanged();
    }
}
