namespace ECommerce.Chaos.Tests;

public sealed class WithoutDevHostTests
{
    [Theory]
    [InlineData("kill-order-service")]
    [InlineData("redis-down")]
    public async Task A_process_or_server_fault_without_DevHost_says_so_before_any_load(string scenario)
    {
        var nowhere = Path.Combine(Path.GetTempPath(), $"no-devhost-{Guid.NewGuid():N}");
        var options = new ChaosOptions { Scenario = scenario, DevHost = nowhere, Gateway = new Uri("http://127.0.0.1:9") };
        var e = await Assert.ThrowsAsync<NeedsDevHostException>(() =>
            ChaosRunner.RunAsync(options, ScenarioCatalog.Find(scenario)!, nowhere, TextWriter.Null, CancellationToken.None));
        Assert.Contains("DevHost", e.Message);
        Assert.Contains(nowhere, e.Message);
    }

    [Fact]
    public async Task A_fault_plan_scenario_without_DevHost_asks_for_the_service_url()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), $"no-devhost-{Guid.NewGuid():N}");
        var options = new ChaosOptions { Scenario = "payment-outage", DevHost = nowhere, Gateway = new Uri("http://127.0.0.1:9") };
        var e = await Assert.ThrowsAsync<ChaosException>(() =>
            ChaosRunner.RunAsync(options, ScenarioCatalog.Find("payment-outage")!, nowhere, TextWriter.Null, CancellationToken.None));
        Assert.Contains("--service payment=", e.Message);
    }

    [Fact]
    public async Task No_gateway_is_a_clear_refusal_not_a_long_wait()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), $"no-devhost-{Guid.NewGuid():N}");
        var options = new ChaosOptions { Scenario = "flash-sale", DevHost = nowhere, Gateway = new Uri("http://127.0.0.1:9") };
        var e = await Assert.ThrowsAsync<ChaosException>(() =>
            ChaosRunner.RunAsync(options, ScenarioCatalog.Find("flash-sale")!, nowhere, TextWriter.Null, CancellationToken.None));
        Assert.Contains("No gateway answers at http://127.0.0.1:9/", e.Message);
    }
}
