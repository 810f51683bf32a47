using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Product.Api.Seeding;

/// <summary>Readiness entry "catalog": not ready until the seed catalog is in place (seconds on first start).</summary>
public sealed class CatalogReadiness : IHealthCheck
{
    public const string Name = "catalog";

    private volatile string? _state = "seeding";

    public bool IsReady => _state is null;

    public void Ready() => _state = null;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_state is null ? HealthCheckResult.Healthy("Catalog seeded") : HealthCheckResult.Unhealthy($"Catalog {_state}"));
}
