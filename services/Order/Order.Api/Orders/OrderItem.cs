using ECommerce.Contracts;

namespace ECommerce.Order.Api.Orders;

/// <summary>One line as the API shows it (the cart's shape).</summary>
public sealed record OrderItem(string ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal)
{
    public static IReadOnlyList<OrderItem> From(IEnumerable<OrderLine> lines) =>
        lines.Select(l => new OrderItem(l.ProductId, l.Name, l.UnitPrice, l.Quantity, l.UnitPrice * l.Quantity)).ToList();
}
