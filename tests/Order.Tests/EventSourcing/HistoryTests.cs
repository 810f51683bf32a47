using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Domain.Events;
using ECommerce.Order.Api.EventSourcing;
using ECommerce.Order.Api.History;
using ECommerce.Order.Tests.Integration;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace ECommerce.Order.Tests.EventSourcing;

/// <summary>Old event shapes read as today's, and the order as it was, through Marten's own APIs.</summary>
[Collection(SagaCollection.Name)]
public sealed class HistoryTests(SagaFixture fixture)
{
    [Fact]
    public async Task An_OrderConfirmed_written_in_its_first_shape_loads_into_todays_aggregate()
    {
        // The code as it was: OrderConfirmed stored as "order_confirmed" with an amount and no currency.
        using var before = DocumentStore.For(options =>
        {
            options.Connection(fixture.ConnectionString);
            options.DatabaseSchemaName = MartenRegistration.Schema;
            options.AutoCreateSchemaObjects = AutoCreate.None;
            options.Events.StreamIdentity = StreamIdentity.AsGuid;
            options.Events.AddEventType<OrderPlaced>();
            options.Events.AddEventType<OrderStockReserved>();
            options.Events.MapEventType<OrderConfirmedV1>(OrderConfirmedV1.StoredName);
        });
        var orderId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await using (var session = before.LightweightSession())
        {
            session.Events.StartStream(orderId,
                OrderStreams.Placed(orderId, now), new OrderStockReserved(orderId, now.AddMinutes(5), now), new OrderConfirmedV1(orderId, 5.00m, now));
            await session.SaveChangesAsync();
        }

        await using var today = fixture.Store().QuerySession();
        var order = await today.Events.AggregateStreamAsync<OrderAggregate>(orderId);
        var last = (await today.Events.FetchStreamAsync(orderId))[^1];

        Assert.NotNull(order);
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal(3, order.Version);
        var confirmed = Assert.IsType<OrderConfirmed>(last.Data);
        Assert.Equal((orderId, 5.00m, "USD"), (confirmed.OrderId, confirmed.Total, confirmed.Currency));
    }

    [Fact]
    public async Task Time_travel_returns_the_order_as_it_was_at_a_version_and_at_a_moment()
    {
        var orderId = await fixture.StartAsync();
        var now = DateTimeOffset.UtcNow;
        foreach (var e in new object[] { new OrderStockReserved(orderId, now.AddMinutes(5), now), new OrderConfirmed(orderId, 5.00m, "USD", now) })
        {
            await using var session = fixture.Store().LightweightSession();
            session.Events.Append(orderId, e);
            await session.SaveChangesAsync();
        }
        await using var query = fixture.Store().QuerySession();
        var stream = await query.Events.FetchStreamAsync(orderId);

        var atOne = await OrderTimeTravel.AtVersionAsync(query, orderId, 1, CancellationToken.None);
        var atTwo = await OrderTimeTravel.AtVersionAsync(query, orderId, 2, CancellationToken.None);
        var whenReserved = await OrderTimeTravel.AtTimeAsync(query, orderId, stream[1].Timestamp, CancellationToken.None);
        var whenPlaced = await OrderTimeTravel.AtTimeAsync(query, orderId, stream[0].Timestamp, CancellationToken.None);
        await using var writer = fixture.Store().LightweightSession();
        var current = await writer.Events.FetchForWriting<OrderAggregate>(orderId); // from the inline snapshot
        var snapshot = await query.LoadAsync<OrderAggregate>(orderId);

        Assert.Equal(["order_placed", "order_stock_reserved", OrderConfirmedV1.CurrentName], stream.Select(e => e.EventTypeName));
        Assert.Equal((OrderStatus.Pending, 1L), (atOne!.Status, atOne.Version));
        Assert.Equal((OrderStatus.StockReserved, 2L), (atTwo!.Status, atTwo.Version));
        Assert.Equal((OrderStatus.StockReserved, 2L), (whenReserved!.Status, whenReserved.Version));
        Assert.Equal((OrderStatus.Pending, 1L), (whenPlaced!.Status, whenPlaced.Version));
        Assert.Equal((OrderStatus.Confirmed, 3L), (current.Aggregate!.Status, current.CurrentVersion));
        Assert.Equal((OrderStatus.Confirmed, stream[2].Version), (snapshot!.Status, current.CurrentVersion));
    }
}
