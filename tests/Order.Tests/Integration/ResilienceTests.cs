using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ECommerce.Order.Tests.Integration;

/// <summary>What must hold when messages repeat and instances come and go.</summary>
[Collection(SagaCollection.Name)]
public sealed class ResilienceTests(SagaFixture fixture)
{
    private OrderClient NewCustomer()
    {
        var customer = new OrderClient(fixture, $"customer-{Guid.NewGuid():N}");
        fixture.Cart.Put(customer.UserId, CartStub.Line("p-7", 7.00m, 1));
        return customer;
    }

    [Fact]
    public async Task Replies_delivered_again_after_confirmation_change_nothing()
    {
        var customer = NewCustomer();
        var orderId = await customer.PlaceAsync();
        await customer.WaitForStatusAsync(orderId, "Confirmed");
        var before = await customer.HistoryTypesAsync(orderId);
        var publisher = fixture.Service.Services.GetRequiredService<IMessagePublisher>();
        var paymentId = fixture.Participants.PaymentOf(orderId)!.Value;

        // As a participant that handled its command twice would answer: the same replies under new message ids.
        var duplicates = new[]
        {
            MessageEnvelope.Create(new StockReserved(orderId, DateTimeOffset.UtcNow.AddMinutes(5))),
            MessageEnvelope.Create(new PaymentAuthorized(orderId, paymentId, 7.00m, "EUR")),
            MessageEnvelope.Create(new PaymentDeclined(orderId, "card_declined")),
        };
        foreach (var duplicate in duplicates) await publisher.PublishAsync(duplicate);
        await Eventually.GetAsync(() => HandledAsync(duplicates.Select(d => d.MessageId)), n => n == duplicates.Length, "the duplicates to be handled");

        Assert.Equal(before, await customer.HistoryTypesAsync(orderId));
        Assert.Equal("Confirmed", (await customer.OrderAsync(orderId)).GetProperty("status").GetString());
        Assert.Single(fixture.Participants.Received<ChargePayment>(orderId));
    }

    [Fact]
    public async Task Concurrent_duplicate_replies_move_the_order_once()
    {
        var customer = new OrderClient(fixture, $"customer-{Guid.NewGuid():N}");
        fixture.Cart.Put(customer.UserId, CartStub.Line("hold-1", 7.00m, 1));
        var orderId = await customer.PlaceAsync();
        await fixture.Participants.WaitForAsync<ReserveStock>(orderId);
        var publisher = fixture.Service.Services.GetRequiredService<IMessagePublisher>();

        // Five copies at once under distinct message ids: the inbox lets all through, the consumer handles them in
        // parallel, and the order's row lock (with the stream's expected version behind it) lets one of them count.
        var copies = Enumerable.Range(0, 5)
            .Select(_ => MessageEnvelope.Create(new StockReserved(orderId, DateTimeOffset.UtcNow.AddMinutes(5)))).ToList();
        await Task.WhenAll(copies.Select(c => publisher.PublishAsync(c)));
        await Eventually.GetAsync(() => HandledAsync(copies.Select(c => c.MessageId)), n => n == copies.Count, "every copy to be handled");

        Assert.Single(await customer.HistoryTypesAsync(orderId), t => t == "OrderStockReserved");
        Assert.Single(await fixture.Participants.WaitForAsync<ChargePayment>(orderId));
        await customer.WaitForStatusAsync(orderId, "Confirmed");
    }

    [Fact]
    public async Task Order_placed_on_one_instance_is_timed_out_by_another_from_the_stored_deadline()
    {
        var customer = NewCustomer();
        var orderId = await customer.PlaceAsync("tok_silent");
        await customer.WaitForStatusAsync(orderId, "StockReserved");

        // A second instance that never saw the order, its clock past the deadline: only the database tells it.
        var later = new ShiftedClock();
        later.Advance(fixture.Clock.Offset + SagaFixture.SagaTimeout + TimeSpan.FromSeconds(1));
        await using var other = new OrderServiceFactory(fixture.Settings, later);
        _ = other.Server;

        var order = await customer.WaitForStatusAsync(orderId, "Cancelled");
        Assert.Equal("Timeout", order.GetProperty("failureReason").GetString());
        Assert.Single(await fixture.Participants.WaitForAsync<RefundPayment>(orderId));
        Assert.Single(await customer.HistoryTypesAsync(orderId), t => t == "OrderCancelled");
    }

    private async Task<long> HandledAsync(IEnumerable<string> messageIds)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM messaging_inbox WHERE message_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", messageIds.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
