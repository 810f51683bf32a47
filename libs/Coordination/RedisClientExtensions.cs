using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ECommerce.Coordination;

public static class RedisClientExtensions
{
    /// <summary>
    /// Aspire's <c>AddRedisClient</c> (one shared <see cref="IConnectionMultiplexer"/> from <c>ConnectionStrings:&lt;name&gt;</c>,
    /// its health check and its tracing) with <see cref="FailFastRedisDefaults"/>, so callers can fall back at once
    /// while Redis is down. The health check is named after the connection and reports <paramref name="failureStatus"/>:
    /// Degraded for a service that can work without Redis (serving from its database), Unhealthy for one that cannot.
    /// </summary>
    public static IHostApplicationBuilder AddFailFastRedisClient(
        this IHostApplicationBuilder builder, string connectionName, HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        builder.AddRedisClient(connectionName, configureOptions: options => options.Defaults = new FailFastRedisDefaults());
        builder.Services.PostConfigure<HealthCheckServiceOptions>(health =>
        {
            // Aspire names its check "StackExchange.Redis"; readiness JSON and probes know it by the connection's name.
            var check = health.Registrations.Single(r => r.Name == "StackExchange.Redis");
            check.Name = connectionName;
            check.FailureStatus = failureStatus;
            check.Timeout = TimeSpan.FromSeconds(3);
            check.Tags.Add("ready");
            check.Tags.Add(connectionName);
        });
        return builder;
    }
}
