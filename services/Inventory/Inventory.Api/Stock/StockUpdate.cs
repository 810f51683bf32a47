namespace ECommerce.Inventory.Api.Stock;

/// <summary>Body of <c>PUT /api/inventory/{productId}</c>; nullable so a missing field is a validation error, not 0.</summary>
public sealed record StockUpdate(int? OnHand);
