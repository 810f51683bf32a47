namespace ECommerce.Product.Api.Search;

/// <summary>The fixed price ranges of the search facets; every product falls in exactly one.</summary>
public static class PriceBuckets
{
    /// <summary>Inner bounds: [0,25) [25,50) [50,100) [100,250) [250,500) [500,1000) [1000,∞).</summary>
    public static readonly decimal[] Bounds = [25m, 50m, 100m, 250m, 500m, 1000m];

    /// <param name="counts">Count per width_bucket index (0 = below the first bound).</param>
    public static IReadOnlyList<PriceRange> Ranges(IReadOnlyDictionary<int, long> counts) =>
        Enumerable.Range(0, Bounds.Length + 1)
            .Select(i => new PriceRange(i == 0 ? 0m : Bounds[i - 1], i < Bounds.Length ? Bounds[i] : null, counts.GetValueOrDefault(i)))
            .ToList();
}
