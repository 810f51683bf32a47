using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Messaging;

/// <summary>Reports the outbox backlog (rows waiting for the relay, age of the oldest) as health data.</summary>
internal sealed class OutboxHealthCheck(MessagingDatabase database) : IHealthCheck
{
    private const string Backlog = $"SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 FROM {MessagingDatabase.OutboxTable}";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.EnsureSchemaAsync(cancellationToken);
            await using var cmd = database.DataSource.CreateCommand(Backlog);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["pending"] = reader.GetInt64(0), ["oldestSeconds"] = Math.Round(reader.GetDouble(1), 1) };
            return HealthCheckResult.Healthy($"{reader.GetInt64(0)} outbox messages pending", data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Outbox backlog unknown: " + ex.Message);
        }
    }
}
