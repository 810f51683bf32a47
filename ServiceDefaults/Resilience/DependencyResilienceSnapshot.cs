namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// One dependency as this process sees it now, with totals since it started: a scenario compares two snapshots to
/// learn whether a breaker opened in between, even if it closed again before anyone looked at /health.
/// </summary>
public sealed record DependencyResilienceSnapshot(
    string Dependency,
    string BreakerState,
    int InFlight,
    int Queued,
    long BreakerOpened,
    DateTimeOffset? LastOpenedAt,
    long Retries,
    long Timeouts,
    long BulkheadRejections);
