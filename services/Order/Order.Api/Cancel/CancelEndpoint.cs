using System.Security.Claims;
using ECommerce.Messaging;
using ECommerce.Order.Api.Orders;
using ECommerce.Order.Api.Saga;
using Npgsql;

namespace ECommerce.Order.Api.Cancel;

public static class CancelEndpoint
{
    /// <summary>
    /// Cancels a not-yet-confirmed order through the saga (so the compensations are the saga's): 200 with the order,
    /// 409 when it is already Confirmed or Cancelled, 404 for someone else's order.
    /// </summary>
    public static RouteGroupBuilder MapCancel(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/cancel", async (
            Guid id, ClaimsPrincipal user, OrderReadStore orders, NpgsqlDataSource dataSource, SagaRunner runner, IOutbox outbox,
            CancellationToken ct) =>
        {
            if (await orders.FindAsync(id, ct) is not { } order || !user.MaySee(order)) return OrdersEndpoints.NotFound(id);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using (var transaction = await connection.BeginTransactionAsync(ct))
            {
                var decision = await runner.RunAsync(id, new CancelRequested(id), transaction, MessageSinks.Outbox(outbox, transaction), ct);
                if (decision.Rejected is { } why)
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Order cannot be cancelled", detail: why);
                await transaction.CommitAsync(ct);
            }
            return Results.Ok(await orders.FindAsync(id, ct));
        });
        return group;
    }
}
