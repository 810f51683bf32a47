using System.Security.Claims;
using ECommerce.EventStore;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Orders;
using ECommerce.Order.Api.Saga;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Order.Api.History;

/// <summary>The event stream itself: what happened to an order, and the order as it was at any point.</summary>
public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapOrderHistory(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/history", async Task<Results<Ok<List<HistoryEntry>>, ProblemHttpResult>> (
            Guid id, ClaimsPrincipal user, OrderReadStore orders, IEventStore store, CancellationToken ct) =>
        {
            if (await orders.FindAsync(id, ct) is not { } order || !user.MaySee(order)) return OrdersEndpoints.NotFound(id);
            var events = await store.ReadStreamAsync(OrderStream.Id(id), ct: ct);
            return TypedResults.Ok(events.Select(e => new HistoryEntry(e.Version, e.EventType, e.Timestamp, e.Data)).ToList());
        });

        group.MapGet("/{id:guid}/at", async Task<Results<Ok<OrderAtVersion>, ProblemHttpResult>> (
            Guid id, long? version, ClaimsPrincipal user, OrderReadStore orders, IEventStore store, CancellationToken ct) =>
        {
            if (version is not > 0)
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid version",
                    detail: "version must be an event number, 1 or more.");
            if (await orders.FindAsync(id, ct) is not { } order || !user.MaySee(order)) return OrdersEndpoints.NotFound(id);
            var then = await store.AggregateStreamAsync<OrderAggregate>(OrderStream.Id(id), version.Value, ct);
            if (then is null || then.Version < version)
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such version",
                    detail: $"Order {id} has {then?.Version ?? 0} events.");
            return TypedResults.Ok(OrderAtVersion.From(then));
        });
        return group;
    }
}
