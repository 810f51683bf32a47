namespace ECommerce.Product.Api.Seeding;

/// <summary>One generated catalog row, ready for COPY.</summary>
public sealed record SeedProduct(
    Guid Id, string Sku, string Name, string Description, string Brand, string Category,
    decimal Price, string Currency, string ImageUrl, decimal Rating, string AttributesJson, DateTimeOffset CreatedAt);
