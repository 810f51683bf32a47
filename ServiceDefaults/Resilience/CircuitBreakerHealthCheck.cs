using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly.CircuitBreaker;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// One <c>/health</c> entry per declared dependency: Healthy while its breaker is closed, Degraded while open,
/// half-open or isolated (the service still serves, answering fast for what needs that dependency).
/// </summary>
internal sealed class CircuitBreakerHealthCheck(DependencyMonitor pipelines, string dependency) : IHealthCheck
{
    public const string NamePrefix = "breaker:";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = pipelines.BreakerState(dependency);
        var data = new Dictionary<string, object>
        {
            ["dependency"] = dependency,
            ["state"] = state.ToString(),
            ["inFlight"] = pipelines.InFlight(dependency),
            ["queued"] = pipelines.Queued(dependency),
        };
        return Task.FromResult(state == CircuitState.Closed
            ? HealthCheckResult.Healthy($"Circuit to {dependency} closed", data)
            : HealthCheckResult.Degraded($"Circuit to {dependency} {state}: calls to it are rejected or on trial", data: data));
    }
}
