using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Polly.CircuitBreaker;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// What this process knows about each declared dependency's pipeline right now: its breaker (Polly's
/// <see cref="CircuitBreakerStateProvider"/>) and its bulkhead (a <see cref="ConcurrencyLimiter"/>), for /health,
/// /admin/resilience and the breaker-state gauge. A dependency whose client was never created counts as closed and idle.
/// </summary>
public sealed class DependencyMonitor(ResilienceMetrics metrics)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    private sealed record Entry(CircuitBreakerStateProvider Breaker, ConcurrencyLimiter Bulkhead, int MaxConcurrency);

    internal void Track(string dependency, CircuitBreakerStateProvider breaker, ConcurrencyLimiter bulkhead, int maxConcurrency)
    {
        _entries[dependency] = new Entry(breaker, bulkhead, maxConcurrency);
        metrics.Track(dependency, breaker);
    }

    /// <summary>The dependency's breaker state (Closed before its first call).</summary>
    public CircuitState BreakerState(string dependency) =>
        _entries.TryGetValue(dependency, out var e) ? e.Breaker.CircuitState : CircuitState.Closed;

    /// <summary>Calls to the dependency running now (holding a bulkhead permit).</summary>
    public int InFlight(string dependency) => _entries.TryGetValue(dependency, out var e)
        ? e.MaxConcurrency - (int)(e.Bulkhead.GetStatistics()?.CurrentAvailablePermits ?? e.MaxConcurrency)
        : 0;

    /// <summary>Calls to the dependency waiting for a bulkhead permit.</summary>
    public int Queued(string dependency) =>
        _entries.TryGetValue(dependency, out var e) ? (int)(e.Bulkhead.GetStatistics()?.CurrentQueuedCount ?? 0) : 0;

    /// <summary>Every dependency whose pipeline was built so far, with its state and totals since start.</summary>
    public IReadOnlyList<DependencyResilienceSnapshot> Snapshot() =>
        _entries.Keys.Order(StringComparer.Ordinal).Select(name =>
        {
            var totals = metrics.Totals(name);
            var lastOpened = Interlocked.Read(ref totals.LastOpenedAtTicks);
            return new DependencyResilienceSnapshot(name, BreakerState(name).ToString(), InFlight(name), Queued(name),
                Interlocked.Read(ref totals.BreakerOpened), lastOpened == 0 ? null : new DateTimeOffset(lastOpened, TimeSpan.Zero),
                Interlocked.Read(ref totals.Retries), Interlocked.Read(ref totals.Timeouts), Interlocked.Read(ref totals.BulkheadRejections));
        }).ToList();
}
