using System.Text.Json.Serialization;
using ECommerce.Product.Api.Catalog;

namespace ECommerce.Product.Api.Search;

/// <summary>A page of ranked results with facets over the whole filtered result and an optional spelling correction.</summary>
public sealed record SearchResult(
    IReadOnlyList<ProductSummary> Items, long Total, int Page, int PageSize, SearchFacets Facets,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DidYouMean);
