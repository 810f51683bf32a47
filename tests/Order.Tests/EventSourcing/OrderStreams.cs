using ECommerce.Contracts;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Domain.Events;
using ECommerce.Order.Api.Saga;
using ECommerce.Order.Tests.Integration;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Order.Tests.EventSourcing;

/// <summary>Order streams written straight through the service's Marten store, without the saga's messages.</summary>
internal static class OrderStreams
{
    public static IDocumentStore Store(this SagaFixture fixture) => fixture.Service.Services.GetRequiredService<IDocumentStore>();

    public static OrderPlaced Placed(Guid orderId, DateTimeOffset now) => new(
        orderId, $"user-{orderId:N}", [new OrderLine("p-1", "Pen", 2, 2.50m)], 5.00m, "USD",
        new ShippingAddress("Ada Lovelace", "12 St James's Square", "London", "SW1Y 4JH", "GB"), "tok_visa",
        // Far from any deadline the tests' clock reaches: the timeout worker leaves these orders alone.
        now, now.AddDays(30));

    /// <summary>A new order stream holding only OrderPlaced (with its inline snapshot and orders row).</summary>
    public static async Task<Guid> StartAsync(this SagaFixture fixture)
    {
        var orderId = Guid.CreateVersion7();
        await using var session = fixture.Store().LightweightSession();
        session.Events.StartStream<OrderAggregate>(orderId, Placed(orderId, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return orderId;
    }

    public static async Task<IReadOnlyList<string>> EventTypesAsync(this SagaFixture fixture, Guid orderId)
    {
        await using var session = fixture.Store().QuerySession();
        return (await session.Events.FetchStreamAsync(orderId)).Select(e => e.EventType.Name).ToList();
    }
}

/// <summary>Collects a saga step's messages instead of sending them.</summary>
internal sealed class CapturingSink : IMessageSink
{
    public List<object> Sent { get; } = [];

    public Task SendAsync<T>(T message, CancellationToken ct) where T : class
    {
        lock (Sent) Sent.Add(message);
        return Task.CompletedTask;
    }
}
