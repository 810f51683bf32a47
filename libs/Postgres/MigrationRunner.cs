using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.Postgres;

/// <summary>
/// Applies the service's migrations at start, retrying with backoff while the database is unreachable,
/// so a service can start before its database and report "not ready" instead of crashing.
/// </summary>
public sealed class MigrationRunner(
    NpgsqlDataSource dataSource, MigrationState state, Assembly migrationsAssembly, ILogger<MigrationRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var migrations = SchemaMigrator.Discover(migrationsAssembly);
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var applied = await new SchemaMigrator(dataSource).MigrateAsync(migrations, stoppingToken);
                logger.LogInformation("Schema at version {Version} ({Applied} applied now)",
                    migrations.Count == 0 ? 0 : migrations[^1].Version, applied.Count);
                state.Complete();
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                state.Fail(ex.Message);
                logger.LogWarning("Database not reachable for migrations, retrying in {Delay} ms: {Reason}",
                    (int)delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }
}
