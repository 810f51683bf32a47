namespace ECommerce.Product.Api.Search;

/// <summary>A price bucket [From, To); To is null for the open-ended last one.</summary>
public sealed record PriceRange(decimal From, decimal? To, long Count);
