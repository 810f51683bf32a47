using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Order.Api.Orders;

public static class OrdersEndpoints
{
    private const int MaxOwnOrders = 100;

    public static RouteGroupBuilder MapOrderReads(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (ClaimsPrincipal user, OrderReadStore orders, CancellationToken ct) =>
            TypedResults.Ok(await orders.ForUserAsync(user.UserId(), MaxOwnOrders, ct)));

        group.MapGet("/{id:guid}", async Task<Results<Ok<OrderView>, ProblemHttpResult>> (
            Guid id, ClaimsPrincipal user, OrderReadStore orders, CancellationToken ct) =>
        {
            var order = await orders.FindAsync(id, ct);
            return order is not null && user.MaySee(order) ? TypedResults.Ok(order) : NotFound(id);
        });
        return group;
    }

    public static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"There is no order {id} of yours.");
}
