namespace ECommerce.Product.Api.Search;

/// <summary>Counts over the filtered result: each list adds up to the result's total.</summary>
public sealed record SearchFacets(IReadOnlyList<FacetValue> Categories, IReadOnlyList<FacetValue> Brands, IReadOnlyList<PriceRange> PriceRanges);
