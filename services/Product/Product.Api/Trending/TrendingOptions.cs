namespace ECommerce.Product.Api.Trending;

/// <summary>Trending products (section <c>Trending</c>): hourly sorted sets, summed with weights that halve every <see cref="HalfLife"/>.</summary>
public sealed class TrendingOptions
{
    public const string SectionName = "Trending";

    public TimeSpan BucketSize { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many buckets count; older ones expire.</summary>
    public int Buckets { get; set; } = 24;

    public TimeSpan HalfLife { get; set; } = TimeSpan.FromHours(6);

    public double ViewWeight { get; set; } = 1;

    /// <summary>One unit sold counts as this many views.</summary>
    public double SaleWeight { get; set; } = 10;

    public string KeyPrefix { get; set; } = "trending:";
}
