using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Orders;

namespace ECommerce.Order.Api.Admin;

public static class AdminOrdersEndpoint
{
    public const int MaxPageSize = 100; // API.md: pageSize at most 100

    /// <summary>GET /api/admin/orders?status&amp;page&amp;pageSize: every customer's orders, newest first.</summary>
    public static RouteGroupBuilder MapAdminOrders(this RouteGroupBuilder group)
    {
        group.MapGet("/orders", async (string? status, int? page, int? pageSize, OrderReadStore orders, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (status is not null && !Enum.TryParse<OrderStatus>(status, ignoreCase: true, out _))
                errors["status"] = [$"One of {string.Join(", ", Enum.GetNames<OrderStatus>())}."];
            if (page is < 1) errors["page"] = ["1 or more."];
            if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"1 to {MaxPageSize}."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);

            var normalized = status is null ? null : Enum.Parse<OrderStatus>(status, ignoreCase: true).ToString();
            var (items, total) = await orders.PageAsync(normalized, page ?? 1, pageSize ?? 20, ct);
            return Results.Ok(new AdminOrderPage(items, page ?? 1, pageSize ?? 20, total));
        });
        return group;
    }
}
