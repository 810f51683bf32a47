namespace ECommerce.Gateway.Edge;

/// <summary>
/// Sliding windows per signed-in user and, for anonymous callers, per client IP (<c>RateLimiting</c> section),
/// counted in Redis so every gateway instance enforces the same limit.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";
    public const string PolicyName = "per-client";

    public Window PerUser { get; set; } = new() { PermitLimit = 100 };

    /// <summary>Generous: a page load from one IP (many parallel reads) must never trip it.</summary>
    public Window PerIp { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Prefix of the Redis keys; instances that share it share their limits.</summary>
    public string KeyPrefix { get; set; } = "ratelimit:";

    public sealed class Window
    {
        public int PermitLimit { get; set; }
        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(1);
    }
}
