namespace ECommerce.Inventory.Api.Stock;

/// <summary>One product's stock: what <c>GET /api/inventory/{productId}</c> answers.</summary>
public sealed record StockLevel(string ProductId, int OnHand, int Reserved)
{
    public int Available => OnHand - Reserved;
}
