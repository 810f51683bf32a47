using ECommerce.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ECommerce.Coordination.Tests;

public class RedisClientExtensionsTests
{
    private static IHost Build(string connectionString, HealthStatus failureStatus)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:redis"] = connectionString;
        builder.AddFailFastRedisClient("redis", failureStatus);
        return builder.Build();
    }

    [Fact]
    public async Task Without_redis_the_service_starts_calls_fail_at_once_and_readiness_reports_the_given_status()
    {
        using var host = Build($"127.0.0.1:{FreePort.Next()}", HealthStatus.Degraded);
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>(); // no exception: it connects when Redis appears

        // Not queued for later nor timed out (RedisTimeoutException): refused at once, as nothing is connected.
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => redis.GetDatabase().StringGetAsync("anything"));
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.False(redis.IsConnected);
        Assert.Equal(ConnectionFailureType.UnableToConnect, error.FailureType);
        var check = Assert.Single(report.Entries);
        Assert.Equal("redis", check.Key);
        Assert.Equal(HealthStatus.Degraded, check.Value.Status);
        Assert.Contains("ready", check.Value.Tags);
    }

    [Fact]
    public async Task With_redis_the_check_is_healthy_and_the_connection_string_overrides_the_defaults()
    {
        var server = await TestServers.SharedRedisAsync();
        using var host = Build($"{server.ConnectionString},asyncTimeout=4000", HealthStatus.Unhealthy);
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Entries["redis"].Status);
        var options = ConfigurationOptions.Parse(redis.Configuration);
        Assert.Equal(4000, options.AsyncTimeout);
        Assert.Equal(2000, redis.TimeoutMilliseconds); // the sync timeout: our default
    }
}
