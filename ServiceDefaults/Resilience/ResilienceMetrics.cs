using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ECommerce.ServiceDefaults.Telemetry;
using Polly.CircuitBreaker;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// Meter <c>ECommerce.Resilience</c>: breaker state per dependency (0 closed, 1 open, 2 half-open, 3 isolated),
/// breaker transitions, retries, timeouts and bulkhead rejections, each tagged with <c>dependency</c>.
/// </summary>
public sealed class ResilienceMetrics : IDisposable
{
    public const string MeterName = "ECommerce.Resilience";

    private readonly Meter _meter = Instrumentation.CreateMeter("Resilience");
    private readonly ConcurrentDictionary<string, CircuitBreakerStateProvider> _breakers = new();
    private readonly ConcurrentDictionary<string, DependencyTotals> _totals = new();
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _timeouts;
    private readonly Counter<long> _rejections;

    public ResilienceMetrics()
    {
        _transitions = _meter.CreateCounter<long>("ecommerce.resilience.breaker.transitions", description: "Circuit breaker state changes");
        _retries = _meter.CreateCounter<long>("ecommerce.resilience.retries", description: "Retried calls");
        _timeouts = _meter.CreateCounter<long>("ecommerce.resilience.timeouts", description: "Calls or attempts that timed out");
        _rejections = _meter.CreateCounter<long>("ecommerce.resilience.bulkhead.rejections", description: "Calls refused by a full bulkhead");
        _meter.CreateObservableGauge("ecommerce.resilience.breaker.state", ObserveBreakers,
            description: "Circuit state: 0 closed, 1 open, 2 half-open, 3 isolated");
    }

    internal void Track(string dependency, CircuitBreakerStateProvider breaker) => _breakers[dependency] = breaker;

    internal DependencyTotals Totals(string dependency) => _totals.GetOrAdd(dependency, _ => new DependencyTotals());

    internal void BreakerTransition(string dependency, CircuitState to, DateTimeOffset at)
    {
        if (to == CircuitState.Open)
        {
            var totals = Totals(dependency);
            Interlocked.Increment(ref totals.BreakerOpened);
            Interlocked.Exchange(ref totals.LastOpenedAtTicks, at.UtcTicks);
        }
        _transitions.Add(1, Tag(dependency), new("state", to.ToString()));
    }

    internal void Retried(string dependency)
    {
        Interlocked.Increment(ref Totals(dependency).Retries);
        _retries.Add(1, Tag(dependency));
    }

    internal void TimedOut(string dependency, string kind)
    {
        Interlocked.Increment(ref Totals(dependency).Timeouts);
        _timeouts.Add(1, Tag(dependency), new("kind", kind));
    }

    internal void BulkheadRejected(string dependency)
    {
        Interlocked.Increment(ref Totals(dependency).BulkheadRejections);
        _rejections.Add(1, Tag(dependency));
    }

    private IEnumerable<Measurement<int>> ObserveBreakers() =>
        _breakers.Select(b => new Measurement<int>((int)b.Value.CircuitState, Tag(b.Key)));

    private static KeyValuePair<string, object?> Tag(string dependency) => new("dependency", dependency);

    public void Dispose() => _meter.Dispose();
}
