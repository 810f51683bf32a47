namespace ECommerce.Cart.Api.Carts;

/// <summary>One product in a cart, with its name and price as they were when it was put there (a snapshot).</summary>
public sealed record CartLine(string ProductId, string Name, decimal UnitPrice, string Currency, int Quantity, DateTimeOffset AddedAt);
