namespace ECommerce.Chaos.Tests;

/// <summary>Attached to a running system with --gateway (no AppHost of its own): what the runner refuses, and how.</summary>
public sealed class AttachedTests
{
    private static readonly Uri Nowhere = new("http://127.0.0.1:9");

    [Theory]
    [InlineData("kill-order-service")]
    [InlineData("redis-down")]
    public async Task A_process_or_server_fault_without_the_AppHost_says_so_before_any_load(string scenario)
    {
        var options = new ChaosOptions { Scenario = scenario, Gateway = Nowhere };
        var e = await Assert.ThrowsAsync<ChaosException>(() =>
            ChaosRunner.RunAsync(options, ScenarioCatalog.Find(scenario)!, null, TextWriter.Null, CancellationToken.None));
        Assert.Contains("AppHost", e.Message);
        Assert.Contains("without --gateway", e.Message);
    }

    [Fact]
    public async Task A_fault_plan_scenario_attached_asks_for_the_service_url()
    {
        var options = new ChaosOptions { Scenario = "payment-outage", Gateway = Nowhere };
        var e = await Assert.ThrowsAsync<ChaosException>(() =>
            ChaosRunner.RunAsync(options, ScenarioCatalog.Find("payment-outage")!, null, TextWriter.Null, CancellationToken.None));
        Assert.Contains("--service payment=", e.Message);
    }

    [Fact]
    public async Task No_gateway_is_a_clear_refusal_not_a_long_wait()
    {
        var options = new ChaosOptions { Scenario = "flash-sale", Gateway = Nowhere };
        var e = await Assert.ThrowsAsync<ChaosException>(() =>
            ChaosRunner.RunAsync(options, ScenarioCatalog.Find("flash-sale")!, null, TextWriter.Null, CancellationToken.None));
        Assert.Contains("No gateway answers at http://127.0.0.1:9/", e.Message);
    }
}
