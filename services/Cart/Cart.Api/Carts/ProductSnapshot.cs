namespace ECommerce.Cart.Api.Carts;

/// <summary>What the cart copies from the product service's <c>GET /api/products/{id}</c>.</summary>
public sealed record ProductSnapshot(string Id, string Name, decimal Price, string Currency);
