using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Postgres;

/// <summary>Whether the schema is ready; also the readiness check saying so.</summary>
public sealed class MigrationState : IHealthCheck
{
    private volatile bool _complete;
    private volatile string? _lastError;

    public bool IsComplete => _complete;
    public string? LastError => _lastError;

    public void Complete() => _complete = true;
    public void Fail(string error) => _lastError = error;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_complete
            ? HealthCheckResult.Healthy("Schema migrated")
            : new HealthCheckResult(context.Registration.FailureStatus, "Schema not migrated yet: " + _lastError));
}
