using System.Net;
using Xunit;

namespace ECommerce.TestInfrastructure.HealthTests;

/// <summary>
/// Readiness follows Redis: Unhealthy (503) for a service that cannot work without it, Degraded (still 200,
/// traffic keeps coming) for one that can, e.g. the catalog served from its database.
/// </summary>
public abstract class RedisHealthTests<TEntryPoint>(ServiceFixture<TEntryPoint> fixture, string statusWhileDown) where TEntryPoint : class
{
    [Fact]
    public async Task Redis_outage_shows_in_readiness_until_redis_returns()
    {
        var (whileDown, afterReturn) = await fixture.OutageAsync(fixture.Redis, "redis", statusWhileDown);

        Assert.Equal(statusWhileDown, whileDown.GetProperty("status").GetString());
        Assert.Equal("Healthy", afterReturn.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_status_code_while_redis_is_down_says_whether_to_send_traffic()
    {
        await fixture.Redis.StopAsync();
        try
        {
            await fixture.Service.WaitForCheckAsync("redis", statusWhileDown);
            var expected = statusWhileDown == "Degraded" ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable;
            Assert.Equal(expected, (await fixture.Service.GetHealthAsync()).Status);
        }
        finally
        {
            await fixture.Redis.StartAsync();
        }
    }
}
