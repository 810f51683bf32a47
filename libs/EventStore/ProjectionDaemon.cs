using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.EventStore;

/// <summary>
/// Runs every async projection: one loop each reads the events after its checkpoint in global order, applies them
/// and advances the checkpoint in one transaction. The checkpoint row is locked (SKIP LOCKED), so with several
/// service instances one of them runs a given projection at a time. Loops wake on the store's NOTIFY after each
/// append commit and poll as a fallback.
/// </summary>
internal sealed class ProjectionDaemon(
    EventStoreDataSource dataSource, EventStoreSchema schema, EventStoreOptions options, ProjectionRunner runner,
    IServiceProvider services, ILogger<ProjectionDaemon> logger) : BackgroundService, IProjectionDaemon
{
    private readonly Dictionary<string, IAsyncProjection> _projections = options.Projections.Registrations
        .Where(r => r.Lifecycle == ProjectionLifecycle.Async)
        .Select(r => (IAsyncProjection)(r.Instance ?? services.GetRequiredService(r.Type)))
        .ToDictionary(p => p.Name);

    private readonly List<SemaphoreSlim> _wakers = [];

    public Task<long> GetCheckpointAsync(string name, CancellationToken ct = default) => runner.GetCheckpointAsync(name, ct);

    public Task RebuildAsync(string projectionName, CancellationToken ct = default) =>
        _projections.TryGetValue(projectionName, out var projection)
            ? runner.RebuildAsync(projection, ct)
            : throw new ArgumentException($"No async projection is named '{projectionName}'.", nameof(projectionName));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_projections.Count == 0) return;
        await EnsureSchemaAsync(stoppingToken);
        var loops = _projections.Values.Select(p =>
        {
            var waker = new SemaphoreSlim(0, 1);
            lock (_wakers) _wakers.Add(waker);
            return RunAsync(p, waker, stoppingToken);
        }).ToList();
        loops.Add(ListenAsync(stoppingToken));
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(IAsyncProjection projection, SemaphoreSlim waker, CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var applied = await runner.RunBatchAsync(projection, skipLocked: true, ct);
                failures = 0;
                if (applied is 0 or null) await waker.WaitAsync(options.DaemonPollInterval, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // The batch rolled back with its checkpoint: the same events are retried, nothing is skipped.
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, Math.Min(failures, 8)), 30_000));
                logger.LogError(ex, "Projection {Projection} failed (attempt {Attempt}), retrying in {Delay} ms",
                    projection.Name, failures, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, ct);
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.Value.OpenConnectionAsync(ct);
                connection.Notification += (_, _) => WakeAll();
                await using (var listen = new NpgsqlCommand($"LISTEN {schema.NotifyChannel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                WakeAll();   // events appended while not listening
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Projection daemon lost its LISTEN connection, polling until it reconnects: {Reason}", ex.Message);
                await Task.Delay(options.DaemonPollInterval, ct);
            }
        }
    }

    private void WakeAll()
    {
        lock (_wakers)
            foreach (var waker in _wakers)
                if (waker.CurrentCount == 0)
                    try { waker.Release(); } catch (SemaphoreFullException) { }
    }

    private async Task EnsureSchemaAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await schema.EnsureAsync(ct);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Event store schema not ready, retrying in {Delay} ms: {Reason}", (int)delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }
}
