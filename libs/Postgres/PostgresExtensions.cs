using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.Postgres;

/// <summary>
/// What a service adds on top of Aspire's <c>AddNpgsqlDataSource</c> (data source, "PostgreSql" health check,
/// tracing, metrics): its schema migrations, a readiness check that they are applied, and 503 for requests that
/// fail because the database is away.
/// </summary>
public static class PostgresExtensions
{
    /// <summary>Readiness check: the schema has been migrated (reachability is Aspire's "PostgreSql" check).</summary>
    public const string SchemaCheckName = "schema";

    /// <summary>
    /// Applies the migrations embedded in <paramref name="migrations"/> (<c>Migrations/NNNN_name.sql</c>) to the
    /// registered <see cref="NpgsqlDataSource"/> at start, retrying while the database is unreachable.
    /// </summary>
    public static IHostApplicationBuilder AddSchemaMigrations(this IHostApplicationBuilder builder, Assembly migrations)
    {
        builder.Services.AddSingleton<MigrationState>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddHostedService(sp => new MigrationRunner(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<MigrationState>(), migrations,
            sp.GetRequiredService<ILogger<MigrationRunner>>()));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            SchemaCheckName, sp => sp.GetRequiredService<MigrationState>(), HealthStatus.Unhealthy, ["ready", "postgres"]));
        return builder;
    }

    /// <summary>
    /// Bounded waits and pool for a service's data source, unless its connection string says otherwise: a stopped or
    /// paused server makes /health answer within seconds, and the services sharing one server queue for connections
    /// instead of exhausting it. Pass as <c>configureDataSourceBuilder</c> to <c>AddNpgsqlDataSource</c>.
    /// </summary>
    public static void BoundWaitsAndPool(NpgsqlDataSourceBuilder dataSource)
    {
        var defaults = new NpgsqlConnectionStringBuilder();
        var settings = dataSource.ConnectionStringBuilder;
        if (settings.Timeout == defaults.Timeout) settings.Timeout = 5;
        if (settings.MaxPoolSize == defaults.MaxPoolSize) settings.MaxPoolSize = 40;
    }
}
