using System.Net;
using System.Text.Json;
using ECommerce.Contracts;

namespace ECommerce.Order.Tests.Integration;

/// <summary>The checkout saga through the real broker, with the test playing inventory and payment.</summary>
[Collection(SagaCollection.Name)]
public sealed class SagaTests(SagaFixture fixture)
{
    private OrderClient NewCustomer(string productId = "p-1")
    {
        var customer = new OrderClient(fixture, $"customer-{Guid.NewGuid():N}");
        fixture.Cart.Put(customer.UserId, CartStub.Line(productId, 10.00m, 3));
        return customer;
    }

    [Fact]
    public async Task Checkout_with_a_good_card_ends_Confirmed_and_announces_it()
    {
        var customer = NewCustomer();

        var orderId = await customer.PlaceAsync("tok_visa");
        var order = await customer.WaitForStatusAsync(orderId, "Confirmed");

        Assert.False(order.TryGetProperty("failureReason", out _));
        var reserve = Assert.Single(fixture.Participants.Received<ReserveStock>(orderId));
        Assert.Equal(3, Assert.Single(reserve.Lines).Quantity);
        var charge = Assert.Single(fixture.Participants.Received<ChargePayment>(orderId));
        Assert.Equal((30.00m, "EUR", "tok_visa", customer.UserId), (charge.Amount, charge.Currency, charge.CardToken, charge.UserId));
        var confirmed = await fixture.Participants.WaitForAsync<OrderConfirmed>(orderId);
        Assert.Equal(30.00m, Assert.Single(confirmed).Total);
        Assert.Empty(fixture.Participants.Received<ReleaseStock>(orderId));
    }

    [Fact]
    public async Task History_lists_the_events_and_time_travel_shows_each_step()
    {
        var customer = NewCustomer();
        var orderId = await customer.PlaceAsync("tok_visa");
        await customer.WaitForStatusAsync(orderId, "Confirmed");

        var (_, history) = await customer.GetAsync($"/api/orders/{orderId}/history");
        var entries = history.EnumerateArray().ToList();
        Assert.Equal(["OrderPlaced", "OrderStockReserved", "OrderPaymentAuthorized", "OrderConfirmed"],
            entries.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal([1L, 2L, 3L, 4L], entries.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal(orderId, entries[0].GetProperty("data").GetProperty("orderId").GetGuid());
        Assert.True(entries[0].TryGetProperty("occurredAt", out _));

        var (_, atPlaced) = await customer.GetAsync($"/api/orders/{orderId}/at?version=1");
        var (_, atReserved) = await customer.GetAsync($"/api/orders/{orderId}/at?version=2");
        var (_, atEnd) = await customer.GetAsync($"/api/orders/{orderId}/at?version=4");
        Assert.Equal("Pending", atPlaced.GetProperty("status").GetString());
        Assert.Equal("StockReserved", atReserved.GetProperty("status").GetString());
        Assert.Equal("Confirmed", atEnd.GetProperty("status").GetString());
        Assert.Equal(30.00m, atPlaced.GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/api/orders/{orderId}/at?version=5")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await customer.GetAsync($"/api/orders/{orderId}/at?version=0")).Status);
    }

    [Fact]
    public async Task Checkout_with_declined_card_releases_the_reservation()
    {
        var customer = NewCustomer();

        var orderId = await customer.PlaceAsync("tok_declined");
        var order = await customer.WaitForStatusAsync(orderId, "Cancelled");

        Assert.Equal("PaymentDeclined", order.GetProperty("failureReason").GetString());
        Assert.Equal(new ReleaseStock(orderId, "PaymentDeclined"), Assert.Single(await fixture.Participants.WaitForAsync<ReleaseStock>(orderId)));
        // Inventory's StockReleased comes back and is recorded as the compensation done.
        await Eventually.GetAsync(() => customer.HistoryTypesAsync(orderId), t => t.Contains("OrderStockReleased"), "OrderStockReleased");
        var cancelled = await fixture.Participants.WaitForAsync<OrderCancelled>(orderId);
        Assert.Equal("PaymentDeclined", Assert.Single(cancelled).Reason);
        // The relay publishes in commit order, so a refund would have come before OrderCancelled.
        Assert.Empty(fixture.Participants.Received<RefundPayment>(orderId));
    }

    [Fact]
    public async Task Checkout_of_a_sold_out_product_is_cancelled_without_charging()
    {
        var customer = NewCustomer("sold-out-1");

        var orderId = await customer.PlaceAsync("tok_visa");
        var order = await customer.WaitForStatusAsync(orderId, "Cancelled");

        Assert.Equal("OutOfStock", order.GetProperty("failureReason").GetString());
        Assert.Equal("OutOfStock", Assert.Single(await fixture.Participants.WaitForAsync<OrderCancelled>(orderId)).Reason);
        Assert.Empty(fixture.Participants.Received<ChargePayment>(orderId));
        Assert.Empty(fixture.Participants.Received<ReleaseStock>(orderId));
    }

    [Fact]
    public async Task Checkout_while_the_processor_stays_down_is_cancelled_as_unavailable()
    {
        var customer = NewCustomer();

        var orderId = await customer.PlaceAsync("tok_down");
        var order = await customer.WaitForStatusAsync(orderId, "Cancelled");

        Assert.Equal("PaymentUnavailable", order.GetProperty("failureReason").GetString());
        Assert.Single(await fixture.Participants.WaitForAsync<ReleaseStock>(orderId));
    }

    [Fact]
    public async Task Unanswered_payment_times_out_and_a_late_success_is_refunded()
    {
        var customer = NewCustomer();
        var orderId = await customer.PlaceAsync("tok_silent");
        await customer.WaitForStatusAsync(orderId, "StockReserved");
        await fixture.Participants.WaitForAsync<ChargePayment>(orderId);

        fixture.Clock.Advance(SagaFixture.SagaTimeout + TimeSpan.FromSeconds(1));
        var order = await customer.WaitForStatusAsync(orderId, "Cancelled");

        Assert.Equal("Timeout", order.GetProperty("failureReason").GetString());
        Assert.Single(await fixture.Participants.WaitForAsync<ReleaseStock>(orderId));
        Assert.Single(await fixture.Participants.WaitForAsync<RefundPayment>(orderId));

        await fixture.Participants.ReplyAsync(new PaymentAuthorized(orderId, Guid.NewGuid(), 30.00m, "EUR"));
        Assert.Equal(2, (await fixture.Participants.WaitForAsync<RefundPayment>(orderId, count: 2)).Count);
        Assert.Contains("OrderLatePaymentRefundRequested", await customer.HistoryTypesAsync(orderId));
        Assert.Equal("Cancelled", (await customer.OrderAsync(orderId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Customer_cancel_while_paying_compensates_and_a_second_cancel_is_409()
    {
        var customer = NewCustomer();
        var orderId = await customer.PlaceAsync("tok_silent");
        await customer.WaitForStatusAsync(orderId, "StockReserved");

        using var cancel = await customer.Http().PostAsync($"/api/orders/{orderId}/cancel", null);
        using var again = await customer.Http().PostAsync($"/api/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var order = JsonDocument.Parse(await cancel.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("Cancelled", "CancelledByCustomer"), (order.GetProperty("status").GetString(), order.GetProperty("failureReason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await fixture.Participants.WaitForAsync<ReleaseStock>(orderId));
        Assert.Single(await fixture.Participants.WaitForAsync<RefundPayment>(orderId));
    }

    [Fact]
    public async Task Cancelling_a_confirmed_order_is_409_and_another_customers_is_404()
    {
        var customer = NewCustomer();
        var orderId = await customer.PlaceAsync("tok_visa");
        await customer.WaitForStatusAsync(orderId, "Confirmed");

        using var mine = await customer.Http().PostAsync($"/api/orders/{orderId}/cancel", null);
        using var theirs = await NewCustomer().Http().PostAsync($"/api/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal("Confirmed", (await customer.OrderAsync(orderId)).GetProperty("status").GetString());
    }
}
