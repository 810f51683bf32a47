using System.Text.Json;

namespace ECommerce.Product.Api.Catalog;

/// <summary>GET /api/products/{id}: one product with everything a product page shows.</summary>
public sealed record ProductDetails(
    Guid Id, string Sku, string Name, string Description, string Brand, string Category,
    decimal Price, string Currency, string? ImageUrl, decimal Rating, JsonElement Attributes);
