namespace ECommerce.Product.Api.Seeding;

/// <summary>How the seed generator makes products of one category: its brands, kinds, series, prices and attributes.</summary>
public sealed record CategorySpec(
    string Name,
    string[] Brands,
    string[] Kinds,
    string[] Series,
    decimal MinPrice,
    decimal MaxPrice,
    string[] Features,
    (string Key, string[] Values)[] Attributes);
