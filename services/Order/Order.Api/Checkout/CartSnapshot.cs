namespace ECommerce.Order.Api.Checkout;

/// <summary>The cart service's GET /api/cart answer, as far as checkout reads it.</summary>
public sealed record CartSnapshot(IReadOnlyList<CartLine>? Items, decimal Total, string? Currency);

public sealed record CartLine(string ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal);
