namespace ECommerce.Product.Api.Seeding;

/// <summary>The seed catalog written on first start (section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>Products generated into an empty catalog; the search benchmark uses 10,000.</summary>
    public int SeedSize { get; set; } = 1000;

    /// <summary>The generator's random seed: the same value gives the same catalog everywhere.</summary>
    public int RandomSeed { get; set; } = 20261129;
}
