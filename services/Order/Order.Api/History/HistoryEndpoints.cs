using System.Security.Claims;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Orders;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Order.Api.History;

/// <summary>
/// The event stream itself, through Marten's own APIs: what happened to an order (<c>FetchStreamAsync</c>), and the
/// order as it was after any event (<c>AggregateStreamAsync</c> up to a version; <see cref="OrderTimeTravel"/> also
/// by timestamp).
/// </summary>
public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapOrderHistory(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/history", async Task<Results<Ok<List<HistoryEntry>>, ProblemHttpResult>> (
            Guid id, ClaimsPrincipal user, OrderReadStore orders, IQuerySession session, CancellationToken ct) =>
        {
            if (await orders.FindAsync(id, ct) is not { } order || !user.MaySee(order)) return OrdersEndpoints.NotFound(id);
            var events = await session.Events.FetchStreamAsync(id, token: ct);
            return TypedResults.Ok(events.Select(e => new HistoryEntry(e.Version, e.EventType.Name, e.Timestamp, e.Data)).ToList());
        });

        group.MapGet("/{id:guid}/at", async Task<Results<Ok<OrderAtVersion>, ProblemHttpResult>> (
            Guid id, long? version, ClaimsPrincipal user, OrderReadStore orders, IQuerySession session, CancellationToken ct) =>
        {
            if (version is not > 0)
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid version",
                    detail: "version must be an event number, 1 or more.");
            if (await orders.FindAsync(id, ct) is not { } order || !user.MaySee(order)) return OrdersEndpoints.NotFound(id);
            var then = await OrderTimeTravel.AtVersionAsync(session, id, version.Value, ct);
            if (then is null || then.Version < version)
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such version",
                    detail: $"Order {id} has {then?.Version ?? 0} events.");
            return TypedResults.Ok(OrderAtVersion.From(then));
        });
        return group;
    }
}

/// <summary>The order folded from its events only (never the snapshot), as it was at a version or at a moment.</summary>
public static class OrderTimeTravel
{
    public static Task<OrderAggregate?> AtVersionAsync(IQuerySession session, Guid orderId, long version, CancellationToken ct) =>
        session.Events.AggregateStreamAsync<OrderAggregate>(orderId, version: version, token: ct);

    public static Task<OrderAggregate?> AtTimeAsync(IQuerySession session, Guid orderId, DateTimeOffset at, CancellationToken ct) =>
        session.Events.AggregateStreamAsync<OrderAggregate>(orderId, timestamp: at, token: ct);
}
