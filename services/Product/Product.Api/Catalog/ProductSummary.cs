namespace ECommerce.Product.Api.Catalog;

/// <summary>A product in a list or search page.</summary>
public sealed record ProductSummary(
    Guid Id, string Sku, string Name, string Brand, string Category, decimal Price, string Currency, string? ImageUrl, decimal Rating);
