using System.Text.Json.Serialization;
using ECommerce.Product.Api.Catalog;

namespace ECommerce.Product.Api.Search;

/// <summary>A page of ranked results with facets over the whole filtered result and an optional spelling correction.</summary>
public sealed record SearchResult(
    IReadOnlyList<ProductSummary> Items, long Total, int Page, int PageSize, SearchFacets Facets,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DidYouMean);

public sealed record SearchFacets(IReadOnlyList<FacetValue> Categories, IReadOnlyList<FacetValue> Brands, IReadOnlyList<PriceRange> PriceRanges);

public sealed record FacetValue(string Value, long Count);

/// <summary>A price bucket [From, To); To is null for the open-ended last one.</summary>
public sealed record PriceRange(decimal From, decimal? To, long Count);

public sealed record Suggestion(string Text, Guid ProductId);
