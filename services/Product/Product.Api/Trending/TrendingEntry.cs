namespace ECommerce.Product.Api.Trending;

/// <summary>One line of GET /api/products/trending: the product's summary and its decayed score.</summary>
public sealed record TrendingEntry(
    Guid ProductId, string Name, string Brand, string Category, decimal Price, string Currency, string? ImageUrl, decimal Rating, double Score);
