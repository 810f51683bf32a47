namespace ECommerce.Product.Api.Search;

public sealed record FacetValue(string Value, long Count);
