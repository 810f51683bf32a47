namespace ECommerce.Chaos.Tests;

/// <summary>
/// Every scenario of <c>./chaos.sh</c>, short, against a real system: the report's invariants must hold (nothing
/// stuck, no double charge, stock conserved) and so must the scenario's own expectation.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class ScenarioTests(ChaosFixture system)
{
    [Fact]
    public Task Payment_outage_cancels_orders_opens_the_breaker_and_recovers() => PassesAsync("payment-outage", r =>
    {
        Assert.True(r.BreakerOpened, "payment's processor breaker opened");
        Assert.True(r.Cancelled.GetValueOrDefault("PaymentUnavailable") + r.Cancelled.GetValueOrDefault("Timeout") > 0);
    });

    [Fact]
    public Task Slow_inventory_makes_checkouts_slower_but_they_complete() => PassesAsync("slow-inventory", r =>
        Assert.Empty(r.Cancelled));

    [Fact]
    public Task Killing_the_order_service_mid_load_leaves_every_accepted_order_terminal() => PassesAsync("kill-order-service");

    [Fact]
    public Task Restarting_the_broker_loses_and_duplicates_nothing() => PassesAsync("broker-restart");

    [Fact]
    public Task Redis_down_serves_products_uncached_and_carts_503_then_recovers() => PassesAsync("redis-down");

    [Fact]
    public Task Restarting_postgres_leaves_every_accepted_order_terminal() => PassesAsync("database-restart");

    [Fact]
    public Task Flash_sale_sells_exactly_the_units_in_stock() => PassesAsync("flash-sale", r =>
    {
        Assert.Equal(5, r.Confirmed);
        Assert.Equal(r.Accepted - 5, r.Cancelled.GetValueOrDefault("OutOfStock"));
        Assert.All(r.Stock, s => Assert.Equal((0, 0), (s.OnHandNow, s.Reserved)));
    });

    private async Task PassesAsync(string scenario, Action<ChaosReport>? more = null)
    {
        var (report, output) = await ScenarioRun.PlayAsync(system, scenario);
        Assert.True(report.Passed, $"{scenario} failed:\n{output}");
        Assert.Equal(0, report.Stuck);
        Assert.Equal(0, report.DoubleCharges);
        Assert.True(report.StockConserved, output);
        Assert.True(report.Accepted > 0, output);
        more?.Invoke(report);
    }
}
