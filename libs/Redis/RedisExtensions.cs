using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECommerce.Redis;

public static class RedisExtensions
{
    /// <summary>
    /// The shared connection (with its <see cref="RedisDatabase"/> and <see cref="RedisSubscriber"/>) from <c>ConnectionStrings:&lt;name&gt;</c> and a readiness check. A service that can
    /// work without Redis (serving from its database) passes <see cref="HealthStatus.Degraded"/>.
    /// </summary>
    public static IHostApplicationBuilder AddRedisClient(
        this IHostApplicationBuilder builder, string connectionName, HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        var configuration = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing (ConnectionStrings__{connectionName}).");
        builder.Services.AddSingleton(sp =>
            RedisConnection.Create(configuration, sp.GetRequiredService<ILoggerFactory>().CreateLogger<RedisConnection>()));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<RedisConnection>().GetDatabase());
        builder.Services.AddSingleton(sp => sp.GetRequiredService<RedisConnection>().GetSubscriber());
        builder.Services.AddHostedService<RedisConnectionStarter>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName, sp => new RedisHealthCheck(sp.GetRequiredService<RedisConnection>()),
            failureStatus, ["ready", "redis"], TimeSpan.FromSeconds(3)));
        return builder;
    }
}
