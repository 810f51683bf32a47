using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Messaging;

/// <summary>Ready when the broker connection is open (opening it on first check).</summary>
public sealed class RabbitMqHealthCheck(RabbitMqConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var open = await connection.GetAsync(cancellationToken);
            return open.IsOpen
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, "Broker connection is closed (recovering).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Broker unreachable: " + ex.Message);
        }
    }
}
