namespace ECommerce.Gateway.Edge;

/// <summary>Token buckets per signed-in user and, for anonymous callers, per client IP (<c>RateLimiting</c> section).</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";
    public const string PolicyName = "per-client";

    public TokenBucket PerUser { get; set; } = new() { TokenLimit = 100, TokensPerPeriod = 100 };

    /// <summary>Generous: a page load from one IP (many parallel reads) must never trip it.</summary>
    public TokenBucket PerIp { get; set; } = new() { TokenLimit = 600, TokensPerPeriod = 600 };

    public sealed class TokenBucket
    {
        public int TokenLimit { get; set; }
        public int TokensPerPeriod { get; set; }
        public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromMinutes(1);
    }
}
