using System.Net;
using ECommerce.TestInfrastructure;

namespace ECommerce.Cart.Tests;

/// <summary>Readiness follows the real dependencies: each is stopped and started again under the running service.</summary>
public sealed class HealthTests(HealthTests.Fixture fixture) : IClassFixture<HealthTests.Fixture>
{
    public sealed class Fixture() : ServiceFixture<Program>(redis: true, broker: true);

    [Fact]
    public async Task Broker_outage_makes_the_service_unhealthy_until_the_broker_returns()
    {
        var (whileDown, afterReturn) = await fixture.OutageAsync(fixture.Broker, "eventbus", "Unhealthy");

        Assert.Equal("Unhealthy", whileDown.GetProperty("status").GetString());
        Assert.Equal("Healthy", afterReturn.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Redis_outage_makes_the_cart_unhealthy_until_redis_returns()
    {
        var (whileDown, afterReturn) = await fixture.OutageAsync(fixture.Redis, "redis", "Unhealthy");

        Assert.Equal("Unhealthy", whileDown.GetProperty("status").GetString());
        Assert.Equal("Healthy", afterReturn.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unhealthy_answers_503_so_traffic_goes_elsewhere()
    {
        await fixture.Redis.StopAsync();
        try
        {
            await fixture.Service.WaitForCheckAsync("redis", "Unhealthy");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await fixture.Service.GetHealthAsync()).Status);
        }
        finally
        {
            await fixture.Redis.StartAsync();
        }
    }

}
