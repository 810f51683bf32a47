namespace ECommerce.Product.Api.Trending;

/// <summary>Pure arithmetic of the decay: which bucket a moment falls in, and how much a bucket of a given age counts.</summary>
public static class TrendingDecay
{
    public static long BucketOf(DateTimeOffset at, TimeSpan bucketSize) => at.ToUnixTimeMilliseconds() / (long)bucketSize.TotalMilliseconds;

    /// <summary>1 for the current bucket, 0.5 for a bucket one half-life old, and so on.</summary>
    public static double Weight(long ageInBuckets, TimeSpan bucketSize, TimeSpan halfLife) =>
        Math.Pow(0.5, ageInBuckets * bucketSize.TotalMilliseconds / halfLife.TotalMilliseconds);
}
