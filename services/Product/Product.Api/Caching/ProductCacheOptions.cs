namespace ECommerce.Product.Api.Caching;

/// <summary>Cache-aside settings for product reads (section <c>ProductCache</c>).</summary>
public sealed class ProductCacheOptions
{
    public const string SectionName = "ProductCache";

    /// <summary>Lifetime of a product in Redis, before jitter.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Each entry lives Ttl ± this fraction, so entries written together do not expire together.</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>Lifetime of the in-process copy (L1); invalidation messages drop it sooner.</summary>
    public TimeSpan LocalTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Redis call slower than this counts as a miss: the database answers instead.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long an update waits for every instance to confirm it dropped its copy.</summary>
    public TimeSpan InvalidationAckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Lease of the Redis lock one instance takes to load a missing product; the other instances wait for the value
    /// (at most this long) instead of loading it too.
    /// </summary>
    public TimeSpan LoadLockLease { get; set; } = TimeSpan.FromSeconds(3);

    public string KeyPrefix { get; set; } = "product:";
}
