using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Inventory.Tests;

/// <summary>Through the real broker: a command published on the events exchange, the reply observed on a test queue.</summary>
[Collection(InventoryCollection.Name)]
public sealed class BrokerTests(InventoryFixture fixture)
{
    private readonly StockClient _stock = new(fixture);

    private IMessagePublisher Publisher => fixture.Service.Services.GetRequiredService<IMessagePublisher>();

    [Fact]
    public async Task ReserveStock_through_the_broker_answers_StockReserved_and_holds_the_units()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(StockReserved), nameof(StockReservationFailed));
        var productId = StockClient.NewProductId();
        var orderId = Guid.NewGuid();

        await Publisher.PublishAsync(Commands.Reserve(orderId, (productId, 2)));

        await probe.WaitForAsync(nameof(StockReserved), orderId);
        Assert.Equal(2, (await _stock.GetAsync(productId)).GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task The_same_ReserveStock_delivered_twice_holds_the_units_once()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(StockReserved));
        var productId = StockClient.NewProductId();
        var orderId = Guid.NewGuid();
        var envelope = MessageEnvelope.Create(Commands.Reserve(orderId, (productId, 3)));

        // The same message id twice (the inbox's case), then the same command as a new message (the saga resending).
        await Publisher.PublishAsync(envelope);
        await Publisher.PublishAsync(envelope);
        await Publisher.PublishAsync(Commands.Reserve(orderId, (productId, 3)));

        await probe.WaitForAsync(nameof(StockReserved), orderId, count: 2);
        Assert.Equal(3, (await _stock.GetAsync(productId)).GetProperty("reserved").GetInt32());
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM messaging_inbox WHERE message_id = $1", envelope.MessageId));
    }

    [Fact]
    public async Task OrderConfirmed_commits_and_ReleaseStock_after_it_changes_nothing()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(StockReserved), nameof(StockReleased));
        var productId = StockClient.NewProductId();
        var orderId = Guid.NewGuid();
        await Publisher.PublishAsync(Commands.Reserve(orderId, (productId, 2)));
        await probe.WaitForAsync(nameof(StockReserved), orderId);

        await Publisher.PublishAsync(new OrderConfirmed(orderId, "user-1", [], 0m, "USD", DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => fixture.ScalarAsync<string>("SELECT status FROM reservations WHERE order_id = $1", orderId),
            s => s == "Committed", "the reservation to be committed");
        var stock = await _stock.GetAsync(productId);
        Assert.Equal(98, stock.GetProperty("onHand").GetInt32());
        Assert.Equal(0, stock.GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task ReleaseStock_through_the_broker_answers_StockReleased_and_frees_the_units()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(StockReserved), nameof(StockReleased));
        var productId = StockClient.NewProductId();
        var orderId = Guid.NewGuid();
        await Publisher.PublishAsync(Commands.Reserve(orderId, (productId, 2)));
        await probe.WaitForAsync(nameof(StockReserved), orderId);

        await Publisher.PublishAsync(new ReleaseStock(orderId, "PaymentDeclined"));

        await probe.WaitForAsync(nameof(StockReleased), orderId);
        Assert.Equal(0, (await _stock.GetAsync(productId)).GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task OrderCancelled_releases_the_reservation()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(StockReserved));
        var productId = StockClient.NewProductId();
        var orderId = Guid.NewGuid();
        await Publisher.PublishAsync(Commands.Reserve(orderId, (productId, 2)));
        await probe.WaitForAsync(nameof(StockReserved), orderId);

        await Publisher.PublishAsync(new OrderCancelled(orderId, "user-1", "Timeout", DateTimeOffset.UtcNow));

        await Eventually.UntilAsync(() => fixture.ScalarAsync<string>("SELECT status FROM reservations WHERE order_id = $1", orderId),
            s => s == "Released", "the reservation to be released");
        Assert.Equal(0, (await _stock.GetAsync(productId)).GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task A_ReserveStock_without_lines_is_parked_in_the_dead_letter_queue_and_the_next_one_is_handled()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(StockReserved), nameof(StockReservationFailed));
        var poisoned = Guid.NewGuid();
        var next = Guid.NewGuid();

        await Publisher.PublishAsync(new ReserveStock(poisoned, [], DateTimeOffset.UtcNow.AddMinutes(5)));
        await Publisher.PublishAsync(Commands.Reserve(next, (StockClient.NewProductId(), 1)));

        await probe.WaitForAsync(nameof(StockReserved), next);
        Assert.Contains(poisoned.ToString(), await probe.TakeOneAsync("inventory.dead-letter"));
        Assert.Equal(0, probe.Count(nameof(StockReserved), poisoned) + probe.Count(nameof(StockReservationFailed), poisoned));
        Assert.Null(await fixture.ScalarAsync<string>("SELECT status FROM reservations WHERE order_id = $1", poisoned));
    }

    [Fact]
    public async Task Twelve_ReserveStock_commands_for_three_units_through_the_broker_reserve_exactly_three()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(StockReserved), nameof(StockReservationFailed));
        var productId = StockClient.NewProductId();
        await _stock.SetOnHandAsync(productId, 3);
        var orders = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(orders.Select(o => Publisher.PublishAsync(Commands.Reserve(o, (productId, 1)))));

        await Eventually.UntilAsync(() => Task.FromResult(orders.Sum(o => probe.Count(nameof(StockReserved), o) + probe.Count(nameof(StockReservationFailed), o))),
            n => n == 12, "a reply to each of the 12 commands");
        Assert.Equal(3, orders.Count(o => probe.Count(nameof(StockReserved), o) == 1));
        var stock = await _stock.GetAsync(productId);
        Assert.Equal(3, stock.GetProperty("reserved").GetInt32());
        Assert.Equal(0, stock.GetProperty("available").GetInt32());
    }
}
