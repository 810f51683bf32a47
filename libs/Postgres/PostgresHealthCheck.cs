using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ECommerce.Postgres;

/// <summary>Ready when the database answers a query and the schema has been migrated.</summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, MigrationState migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var cmd = dataSource.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Database unreachable: " + ex.Message);
        }
        return migrations.IsComplete
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "Schema not migrated yet: " + migrations.LastError);
    }
}
