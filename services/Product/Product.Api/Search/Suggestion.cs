namespace ECommerce.Product.Api.Search;

/// <summary>One autocomplete entry: a product name and the product it belongs to.</summary>
public sealed record Suggestion(string Text, Guid ProductId);
