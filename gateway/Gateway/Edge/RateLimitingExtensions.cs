using System.Globalization;
using System.Threading.RateLimiting;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace ECommerce.Gateway.Edge;

public static class RateLimitingExtensions
{
    /// <summary>The per-client token bucket; rejected requests get 429 problem+json with Retry-After in seconds.</summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RateLimitingOptions.PolicyName, context =>
            {
                var user = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(Claims.Subject)?.Value : null;
                var (key, bucket) = user is not null
                    ? ($"user:{user}", options.PerUser)
                    : ($"ip:{context.Connection.RemoteIpAddress}", options.PerIp);
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = bucket.TokenLimit,
                    TokensPerPeriod = bucket.TokensPerPeriod,
                    ReplenishmentPeriod = bucket.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : (int)Math.Ceiling(options.PerUser.ReplenishmentPeriod.TotalSeconds / Math.Max(1, options.PerUser.TokensPerPeriod));
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem($"Too many requests; retry after {retryAfter} s.", statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Rate limit exceeded").ExecuteAsync(context);
            };
        });
        return services;
    }
}
