using ECommerce.Postgres;

namespace ECommerce.Identity.Api.Keys;

/// <summary>Makes the first signing key once the schema exists, then rotates keys that reach their lifetime.</summary>
public sealed class KeyMaintenanceService(
    SigningKeyRing ring, KeyRotationPolicy policy, MigrationState migrations, TimeProvider time,
    ILogger<KeyMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.WhenCompleteAsync(time, stoppingToken);
        using var timer = new PeriodicTimer(policy.CheckInterval, time);
        do
        {
            try
            {
                await ring.EnsureCurrentAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not check the signing key, trying again in {Interval}: {Reason}", policy.CheckInterval, ex.Message);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
