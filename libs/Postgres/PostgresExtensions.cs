using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.Postgres;

public static class PostgresExtensions
{
    /// <summary>
    /// Registers the service's own database from <c>ConnectionStrings:&lt;name&gt;</c> (Npgsql keyword format, as
    /// Aspire passes it): an NpgsqlDataSource, the migrations embedded in <paramref name="migrations"/>, and a
    /// readiness check named after the database.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresDatabase(this IHostApplicationBuilder builder, string connectionName, Assembly migrations)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing (ConnectionStrings__{connectionName}).");
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        // Bounded waits keep /health prompt when the server is stopped or paused.
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) csb.Timeout = 5;
        // Several pools share one server (each service's, its outbox's): a bounded pool queues instead of exhausting it.
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase)) csb.MaxPoolSize = 40;

        builder.Services.AddSingleton(sp => new NpgsqlDataSourceBuilder(csb.ConnectionString)
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());
        builder.Services.AddSingleton<MigrationState>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddHostedService(sp => new MigrationRunner(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<MigrationState>(), migrations,
            sp.GetRequiredService<ILogger<MigrationRunner>>()));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            sp => new PostgresHealthCheck(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<MigrationState>()),
            HealthStatus.Unhealthy, ["ready", "postgres"], TimeSpan.FromSeconds(5)));
        return builder;
    }
}
