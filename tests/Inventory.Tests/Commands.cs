using ECommerce.Contracts;

namespace ECommerce.Inventory.Tests;

internal static class Commands
{
    public static ReserveStock Reserve(Guid orderId, params (string ProductId, int Quantity)[] lines) =>
        Reserve(orderId, DateTimeOffset.UtcNow.AddMinutes(10), lines);

    public static ReserveStock Reserve(Guid orderId, DateTimeOffset expiresAt, params (string ProductId, int Quantity)[] lines) =>
        new(orderId, lines.Select(l => new OrderLine(l.ProductId, $"Product {l.ProductId}", l.Quantity, 9.99m)).ToList(), expiresAt);
}
