namespace ECommerce.DevHost;

/// <summary>
/// Runs the topology: every resource starts as soon as what it waits for is healthy (so independent ones start
/// together), and stops in reverse: projects first, then servers.
/// </summary>
public sealed class Orchestrator(DistributedTopology topology, IReadOnlyList<RunningResource> resources)
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, RunningResource> _byName =
        resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<RunningResource> Resources { get; } = resources;

    public DistributedTopology Topology { get; } = topology;

    public RunningResource this[string name] => _byName[name];

    public bool TryFind(string name, out RunningResource resource) => _byName.TryGetValue(name, out resource!);

    /// <summary>Starts everything; the first failure cancels the rest and is rethrown with its resource.</summary>
    public async Task StartAllAsync(CancellationToken ct)
    {
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(ct);
        StartupFailedException? failure = null;
        var started = new Dictionary<string, Task>(StringComparer.OrdinalIgnoreCase);

        async Task StartAfterPrerequisitesAsync(ResourceSpec spec)
        {
            foreach (var prerequisite in Topology.Prerequisites(spec)) await started[prerequisite];
            var resource = _byName[spec.Name];
            try
            {
                await resource.StartAsync(startup.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.CompareExchange(ref failure, new StartupFailedException(resource, e), null);
                await startup.CancelAsync();
                throw;
            }
        }

        // StartOrder puts every resource after its prerequisites, so their tasks exist when it looks them up.
        foreach (var spec in Topology.StartOrder) started[spec.Name] = StartAfterPrerequisitesAsync(spec);
        try
        {
            await Task.WhenAll(started.Values);
        }
        catch when (failure is not null)
        {
            throw failure;
        }
    }

    public async Task StopAllAsync()
    {
        await Task.WhenAll(Resources.OfType<ProjectResource>().Select(StopQuietlyAsync));
        await Task.WhenAll(Resources.OfType<ServerResource>().Select(StopQuietlyAsync));
    }

    /// <summary>Notices servers that died by themselves (projects are watched through their process handle).</summary>
    public async Task WatchAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(ct))
        {
            foreach (var resource in Resources) resource.CheckAlive();
        }
    }

    private static async Task StopQuietlyAsync(RunningResource resource)
    {
        if (resource.State == ResourceState.Waiting) return;
        using var bound = new CancellationTokenSource(StopBound);
        try
        {
            await resource.StopAsync(bound.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            resource.Log.Note($"stop failed ({e.Message}): killing it");
            try
            {
                await resource.KillAsync(CancellationToken.None);
            }
            catch (Exception kill) when (kill is not OutOfMemoryException)
            {
                resource.Log.Note($"kill failed too: {kill.Message}");
            }
        }
    }
}
