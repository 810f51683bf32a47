using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.System.Tests.Checkout;

/// <summary>The checkout saga through the running system: every path of API.md's orders, seen from outside.</summary>
[Collection(SystemCollection.Name)]
public sealed class CheckoutSagaTests(SystemFixture system)
{
    private static int _nextProduct;
    private readonly Shop _shop = new(system);

    /// <summary>Each test its own product, so stock figures never mix.</summary>
    private static int NextProduct() => Interlocked.Increment(ref _nextProduct);

    [Fact]
    public async Task A_checkout_with_a_good_card_is_confirmed_captured_and_leaves_the_cart()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 10, NextProduct());
        var customer = await _shop.NewCustomerAsync();

        var orderId = await _shop.PlaceOrderAsync(customer, productId, quantity: 2, "tok_visa");
        var order = await _shop.TerminalOrderAsync(customer, orderId);

        Assert.Equal("Confirmed", order.GetProperty("status").GetString());
        Assert.Equal((8, 0), await Shop.EventuallyAsync(() => _shop.StockAsync(productId), s => s == (8, 0)));
        var payments = await Shop.EventuallyAsync(() => _shop.PaymentsAsync(admin, orderId), p => Statuses(p) is ["Captured"]);
        Assert.Equal(["Captured"], Statuses(payments));
        Assert.Equal(order.GetProperty("total").GetDecimal(), payments[0].GetProperty("amount").GetDecimal());
        var cart = await Shop.EventuallyAsync(() => _shop.CartAsync(customer), c => c.GetProperty("items").GetArrayLength() == 0);
        Assert.Equal(0, cart.GetProperty("items").GetArrayLength());
        var history = await _shop.HistoryAsync(customer, orderId);
        Assert.Equal(["OrderPlaced", "OrderStockReserved", "OrderPaymentAuthorized", "OrderConfirmed"],
            history.EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_checkout_for_more_than_the_stock_is_cancelled_out_of_stock_and_charges_nothing()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 1, NextProduct());
        var customer = await _shop.NewCustomerAsync();

        var orderId = await _shop.PlaceOrderAsync(customer, productId, quantity: 2, "tok_visa");
        var order = await _shop.TerminalOrderAsync(customer, orderId);

        Assert.Equal(("Cancelled", "OutOfStock"), Outcome(order));
        Assert.Equal((1, 0), await _shop.StockAsync(productId));
        Assert.Empty(Statuses(await _shop.PaymentsAsync(admin, orderId)));
    }

    [Theory]
    [InlineData("tok_declined", "PaymentDeclined")]
    [InlineData("tok_insufficient_funds", "PaymentDeclined")]
    [InlineData("tok_error", "PaymentUnavailable")]
    public async Task A_refused_or_failing_card_cancels_the_order_and_releases_the_reservation(string card, string reason)
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 5, NextProduct());
        var customer = await _shop.NewCustomerAsync();

        var orderId = await _shop.PlaceOrderAsync(customer, productId, quantity: 3, card);
        var order = await _shop.TerminalOrderAsync(customer, orderId);

        Assert.Equal(("Cancelled", reason), Outcome(order));
        Assert.Equal((5, 0), await Shop.EventuallyAsync(() => _shop.StockAsync(productId), s => s == (5, 0)));
        Assert.DoesNotContain(Statuses(await _shop.PaymentsAsync(admin, orderId)), s => s is "Authorized" or "Captured");
    }

    [Fact]
    public async Task A_processor_error_is_retried_and_the_order_is_then_confirmed()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 5, NextProduct());
        var customer = await _shop.NewCustomerAsync();

        // tok_flaky: the processor fails the first calls for an order with a retryable error, then authorizes.
        var orderId = await _shop.PlaceOrderAsync(customer, productId, quantity: 1, "tok_flaky");
        var order = await _shop.TerminalOrderAsync(customer, orderId);

        Assert.Equal("Confirmed", order.GetProperty("status").GetString());
        var payments = await Shop.EventuallyAsync(() => _shop.PaymentsAsync(admin, orderId), p => Statuses(p) is ["Captured"]);
        Assert.Equal(["Captured"], Statuses(payments));
    }

    [Fact]
    public async Task A_payment_that_succeeds_after_the_order_timed_out_is_refunded()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 5, NextProduct());
        var customer = await _shop.NewCustomerAsync();

        var orderId = await _shop.PlaceOrderAsync(customer, productId, quantity: 1, "tok_slow");
        var order = await _shop.TerminalOrderAsync(customer, orderId);

        Assert.Equal(("Cancelled", "Timeout"), Outcome(order));
        Assert.Equal((5, 0), await Shop.EventuallyAsync(() => _shop.StockAsync(productId), s => s == (5, 0)));
        // The processor answers "authorized" only after the saga gave up: that money goes back.
        var payments = await Shop.EventuallyAsync(() => _shop.PaymentsAsync(admin, orderId), p => Statuses(p) is ["Refunded"],
            SystemFixture.SlowCardDelay + TimeSpan.FromSeconds(60));
        Assert.Equal(["Refunded"], Statuses(payments));
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_gives_the_same_answer_and_one_order()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 10, NextProduct());
        var customer = await _shop.NewCustomerAsync();
        await _shop.PutInCartAsync(customer, productId, 1);
        var key = Guid.NewGuid().ToString("N");

        using var first = await _shop.CheckoutAsync(customer, "tok_visa", key);
        using var second = await _shop.CheckoutAsync(customer, "tok_visa", key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var orderId = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("orderId").GetString()!;
        Assert.Equal("Confirmed", (await _shop.TerminalOrderAsync(customer, orderId)).GetProperty("status").GetString());
        using var mine = await _shop.SendAsync(HttpMethod.Get, "/api/orders", customer);
        var orders = JsonDocument.Parse(await mine.Content.ReadAsStringAsync()).RootElement;
        Assert.Single(Items(orders));
        Assert.Equal((9, 0), await Shop.EventuallyAsync(() => _shop.StockAsync(productId), s => s == (9, 0)));
        Assert.Single(Statuses(await _shop.PaymentsAsync(admin, orderId)));
    }

    [Fact]
    public async Task Three_units_and_twelve_concurrent_buyers_confirm_exactly_three_orders()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 3, NextProduct());
        var buyers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            var token = await _shop.NewCustomerAsync();
            await _shop.PutInCartAsync(token, productId, 1);
            return token;
        }));

        var checkouts = await Task.WhenAll(buyers.Select(async token =>
        {
            using var response = await _shop.CheckoutAsync(token, "tok_visa");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var orderId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("orderId").GetString()!;
            return Outcome(await _shop.TerminalOrderAsync(token, orderId));
        }));

        Assert.Equal(3, checkouts.Count(o => o.Status == "Confirmed"));
        Assert.Equal(9, checkouts.Count(o => o == ("Cancelled", "OutOfStock")));
        Assert.Equal((0, 0), await Shop.EventuallyAsync(() => _shop.StockAsync(productId), s => s == (0, 0)));
    }

    [Fact]
    public async Task A_customer_cancels_an_unfinished_order_and_gets_everything_back()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 4, NextProduct());
        var customer = await _shop.NewCustomerAsync();

        // The slow card keeps the order unfinished long enough to cancel it.
        var orderId = await _shop.PlaceOrderAsync(customer, productId, quantity: 2, "tok_slow");
        await Shop.EventuallyAsync(() => _shop.OrderAsync(customer, orderId), o => o.GetProperty("status").GetString() == "StockReserved");
        using var cancel = await _shop.SendAsync(HttpMethod.Post, $"/api/orders/{orderId}/cancel", customer);
        using var again = await _shop.SendAsync(HttpMethod.Post, $"/api/orders/{orderId}/cancel", customer);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(("Cancelled", "CancelledByCustomer"), Outcome(await _shop.OrderAsync(customer, orderId)));
        Assert.Equal((4, 0), await Shop.EventuallyAsync(() => _shop.StockAsync(productId), s => s == (4, 0)));
    }

    [Fact]
    public async Task Another_customers_order_is_not_found_and_bad_checkouts_are_problems()
    {
        var admin = await _shop.AdminTokenAsync();
        var productId = await _shop.ProductWithStockAsync(admin, onHand: 5, NextProduct());
        var owner = await _shop.NewCustomerAsync();
        var stranger = await _shop.NewCustomerAsync();
        var orderId = await _shop.PlaceOrderAsync(owner, productId, 1, "tok_visa");

        using var peek = await _shop.SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", stranger);
        using var emptyCart = await _shop.CheckoutAsync(stranger, "tok_visa");
        var noKey = new HttpRequestMessage(HttpMethod.Post, "/api/orders/checkout") { Content = JsonContent.Create(new { }) };
        noKey.Headers.Authorization = new("Bearer", owner);
        using var missingKey = await system.Gateway.SendAsync(noKey);

        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, emptyCart.StatusCode);
        Assert.Equal("application/problem+json", emptyCart.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, missingKey.StatusCode);
    }

    private static (string? Status, string? Reason) Outcome(JsonElement order) =>
        (order.GetProperty("status").GetString(),
         order.TryGetProperty("failureReason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null);

    private static string[] Statuses(JsonElement payments) =>
        payments.EnumerateArray().Select(p => p.GetProperty("status").GetString()!).ToArray();

    private static IEnumerable<JsonElement> Items(JsonElement orders) =>
        orders.ValueKind == JsonValueKind.Array ? orders.EnumerateArray() : orders.GetProperty("items").EnumerateArray();
}
