using System.Text.Json;

namespace ECommerce.Product.Api.Seeding;

/// <summary>
/// A deterministic catalog: the same seed and count give the same products (ids included) on every machine,
/// so tests and benchmarks can name what they expect. Generated in code; nothing is downloaded.
/// </summary>
public static class CatalogGenerator
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Closings =
    [
        "A dependable choice for everyday use.", "Great value for the price.", "Perfect as a gift.",
        "Backed by a two-year warranty.", "Loved by reviewers for its quality.", "Designed to last for years.",
    ];

    public static IEnumerable<SeedProduct> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var categories = SeedCategories.All;
        for (var i = 0; i < count; i++)
        {
            var spec = categories[i % categories.Length];
            var brand = Pick(random, spec.Brands);
            var kind = Pick(random, spec.Kinds);
            var series = Pick(random, spec.Series);
            var model = random.Next(3) == 0 ? "" : $" {random.Next(1, 100) * 10}";
            var name = $"{brand} {series}{model} {kind}";
            var (first, second) = TwoFeatures(random, spec.Features);
            var description = $"The {series} {kind.ToLowerInvariant()} by {brand} comes with {first} and {second}. {Pick(random, Closings)}";
            var sku = $"{Prefix(spec.Name)}-{i + 1:D6}";
            yield return new SeedProduct(
                NewGuid(random), sku, name, description, brand, spec.Name, Price(random, spec), "USD",
                $"https://images.shop.test/products/{sku.ToLowerInvariant()}.jpg", Rating(random),
                Attributes(random, spec), Epoch.AddMinutes(-37.0 * (count - i)));
        }
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static (string, string) TwoFeatures(Random random, string[] features)
    {
        var a = random.Next(features.Length);
        var b = (a + 1 + random.Next(features.Length - 1)) % features.Length;
        return (features[a], features[b]);
    }

    private static string Prefix(string category) => category[..3].ToUpperInvariant();

    /// <summary>Log-uniform between the category's bounds (many cheap, few expensive), ending in .99.</summary>
    private static decimal Price(Random random, CategorySpec spec)
    {
        var (lo, hi) = (Math.Log((double)spec.MinPrice), Math.Log((double)spec.MaxPrice));
        var whole = Math.Floor(Math.Exp(lo + random.NextDouble() * (hi - lo)));
        return (decimal)whole + 0.99m;
    }

    /// <summary>Skewed towards 4-ish, like real shop ratings.</summary>
    private static decimal Rating(Random random)
    {
        var value = 2.6 + random.NextDouble() * 1.4 + random.NextDouble() * 1.2;
        return Math.Round((decimal)Math.Clamp(value, 1.0, 5.0), 1);
    }

    private static string Attributes(Random random, CategorySpec spec)
    {
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in spec.Attributes) attributes[key] = Pick(random, values);
        return JsonSerializer.Serialize(attributes);
    }

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout, so the ids look like any other uuid
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
