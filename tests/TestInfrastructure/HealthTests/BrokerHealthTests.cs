using Xunit;

namespace ECommerce.TestInfrastructure.HealthTests;

/// <summary>
/// Readiness follows the broker ("RabbitMQ.Client", Aspire's check on its connection): stopped under the running service,
/// then started again.
/// </summary>
public abstract class BrokerHealthTests<TEntryPoint>(ServiceFixture<TEntryPoint> fixture) where TEntryPoint : class
{
    [Fact]
    public async Task Broker_outage_makes_the_service_unhealthy_until_the_broker_returns()
    {
        var (whileDown, afterReturn) = await fixture.OutageAsync(fixture.Broker, "RabbitMQ.Client", "Unhealthy");

        Assert.Equal("Unhealthy", whileDown.GetProperty("status").GetString());
        Assert.Equal("Healthy", afterReturn.GetProperty("status").GetString());
    }
}
