namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// How calls to one outbound dependency are protected. Layered, last wins: these code defaults, the dependency's
/// built-in profile (<see cref="DependencyProfiles"/>), configuration <c>Resilience:Defaults</c>, then
/// <c>Resilience:Dependencies:&lt;name&gt;</c>.
/// </summary>
public sealed class DependencyResilienceOptions
{
    /// <summary>The caller's whole budget, retries and waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One try; a hung connection fails this attempt, not the whole call.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public RetrySettings Retry { get; set; } = new();
    public BreakerSettings Breaker { get; set; } = new();
    public BulkheadSettings Bulkhead { get; set; } = new();
}
