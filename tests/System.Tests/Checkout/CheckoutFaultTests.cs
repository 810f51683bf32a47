using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ECommerce.Contracts;

namespace ECommerce.System.Tests.Checkout;

/// <summary>
/// The saga under faults, through the AppHost's resource commands and process signals: a service killed mid-saga, the
/// broker stopped mid-flow, messages delivered twice or unreadable, and one trace across the services a checkout passes
/// through.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class CheckoutFaultTests(SystemFixture system)
{
    private static int _nextProduct = 100;
    private readonly Shop _shop = new(system);

    private static int NextProduct() => Interlocked.Increment(ref _nextProduct);

    [Fact]
    public async Task The_order_service_killed_mid_saga_and_restarted_completes_the_order()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 5, NextProduct());
        var customer = await _shop.NewCustomerAsync();
        await ControlAsync("payment", "pause"); // the saga waits at the payment step, its reply undelivered
        try
        {
            var orderId = await _shop.PlaceOrderAsync(customer, productId, quantity: 1, "tok_visa");
            var reserved = await Shop.EventuallyAsync(() => _shop.OrderAsync(customer, orderId), o => o.GetProperty("status").GetString() == "StockReserved");
            Assert.Equal("StockReserved", reserved.GetProperty("status").GetString());

            await ControlAsync("order", "kill");
            await ControlAsync("payment", "resume"); // authorizes while the orchestrator is dead: the reply waits in its queue
            await ControlAsync("order", "start");

            var order = await _shop.TerminalOrderAsync(customer, orderId);
            Assert.Equal("Confirmed", order.GetProperty("status").GetString());
            Assert.Equal((4, 0), await Shop.EventuallyAsync(() => _shop.StockAsync(productId), s => s == (4, 0)));
        }
        finally
        {
            await ControlAsync("payment", "resume");
        }
    }

    [Fact]
    public async Task Orders_accepted_while_the_broker_is_stopped_complete_once_it_returns_without_duplicates()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 10, NextProduct());
        var customers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _shop.NewCustomerAsync()));

        await ControlAsync("eventbus", "stop");
        string[] orderIds;
        try
        {
            // The outbox takes the orders in while nothing can be published.
            orderIds = await Task.WhenAll(customers.Select(c => _shop.PlaceOrderAsync(c, productId, 2, "tok_visa")));
        }
        finally
        {
            await ControlAsync("eventbus", "start");
        }

        var outcomes = await Task.WhenAll(customers.Zip(orderIds, (c, id) => _shop.TerminalOrderAsync(c, id, TimeSpan.FromSeconds(150))));
        Assert.All(outcomes, o => Assert.Equal("Confirmed", o.GetProperty("status").GetString()));
        Assert.Equal((4, 0), await Shop.EventuallyAsync(() => _shop.StockAsync(productId), s => s == (4, 0)));
        foreach (var orderId in orderIds)
        {
            var payments = await Shop.EventuallyAsync(() => _shop.PaymentsAsync(admin, orderId), p => p.GetArrayLength() == 1 && p[0].GetProperty("status").GetString() == "Captured");
            Assert.Equal("Captured", Assert.Single(payments.EnumerateArray()).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_reservation_delivered_twice_holds_the_units_once()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 10, NextProduct());
        await using var broker = new Broker((await system.ConnectionStringAsync("eventbus"))!);
        var orderId = Guid.NewGuid();
        var command = new ReserveStock(orderId, [new OrderLine(productId, "Duplicate test", 3, 1m)], DateTimeOffset.UtcNow.AddMinutes(5));
        var messageId = Guid.NewGuid().ToString();

        await broker.PublishAsync(nameof(ReserveStock), command, messageId);
        await broker.PublishAsync(nameof(ReserveStock), command, messageId);                 // the same delivery again
        await broker.PublishAsync(nameof(ReserveStock), command, Guid.NewGuid().ToString());  // the same command, re-sent

        var held = await Shop.EventuallyAsync(() => _shop.StockAsync(productId), s => s.Reserved > 0);
        Assert.Equal((10, 3), held);
        await broker.PublishAsync(nameof(ReleaseStock), new ReleaseStock(orderId, "test over"), Guid.NewGuid().ToString());
        Assert.Equal((10, 0), await Shop.EventuallyAsync(() => _shop.StockAsync(productId), s => s.Reserved == 0));
        Assert.Equal((10, 0), await _shop.StockAsync(productId));
    }

    [Fact]
    public async Task A_poison_message_is_parked_in_the_dead_letter_queue_and_checkouts_go_on()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 5, NextProduct());
        var customer = await _shop.NewCustomerAsync();
        await using var broker = new Broker((await system.ConnectionStringAsync("eventbus"))!);
        var poisonId = Guid.NewGuid().ToString();

        await broker.PublishRawAsync(nameof(ReserveStock), Encoding.UTF8.GetBytes("{ this is not json"), poisonId);
        var parked = await Shop.EventuallyAsync(() => broker.CountAsync("inventory.dead-letter"), n => n > 0);

        Assert.True(parked > 0, "the unreadable message was not parked");
        var orderId = await _shop.PlaceOrderAsync(customer, productId, 1, "tok_visa");
        Assert.Equal("Confirmed", (await _shop.TerminalOrderAsync(customer, orderId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task One_trace_id_runs_from_the_gateway_through_order_inventory_and_payment()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 5, NextProduct());
        var customer = await _shop.NewCustomerAsync();
        await _shop.PutInCartAsync(customer, productId, 1);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        using var checkout = await _shop.CheckoutAsync(customer, "tok_visa", traceParent: $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.Accepted, checkout.StatusCode);
        var orderId = JsonDocument.Parse(await checkout.Content.ReadAsStringAsync()).RootElement.GetProperty("orderId").GetString()!;
        Assert.Equal("Confirmed", (await _shop.TerminalOrderAsync(customer, orderId)).GetProperty("status").GetString());

        // Every log line carries its trace id: the same one must show up in each service the checkout went through.
        string[] services = ["gateway", "order", "inventory", "payment"];
        var seen = await Shop.EventuallyAsync(
            () => Task.FromResult(services.Where(s => LogOf(s).Contains(traceId, StringComparison.Ordinal)).ToArray()),
            found => found.Length == services.Length, TimeSpan.FromSeconds(30));
        Assert.Equal(services, seen);
    }

    private string LogOf(string resource) => system.LogOf(resource);

    private Task ControlAsync(string resource, string verb) => system.ActAsync(resource, verb);
}
