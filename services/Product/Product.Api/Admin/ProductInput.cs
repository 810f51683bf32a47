using System.Text.Json;

namespace ECommerce.Product.Api.Admin;

/// <summary>Body of POST /api/products and PUT /api/products/{id} (PUT replaces the product).</summary>
public sealed record ProductInput(
    string? Sku, string? Name, string? Description, string? Brand, string? Category,
    decimal? Price, string? Currency, string? ImageUrl, decimal? Rating, JsonElement? Attributes);
