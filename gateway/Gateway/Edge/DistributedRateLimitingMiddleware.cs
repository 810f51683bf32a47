using System.Globalization;
using ECommerce.Coordination;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ECommerce.Gateway.Edge;

/// <summary>
/// Rate limits shared by every gateway instance: each request to an endpoint that asks for the per-client policy
/// (routes carry <see cref="EnableRateLimitingAttribute"/> unless configured "Disable") is one hit in a sliding window
/// kept in Redis, keyed by the token's subject or, for anonymous callers, the client IP. Over the limit: 429
/// problem+json with Retry-After in seconds. With Redis unreachable the edge fails open: the request goes through
/// and a warning is logged (at most every few seconds), because refusing all traffic would turn a cache outage
/// into a full outage.
/// </summary>
internal sealed class DistributedRateLimitingMiddleware(
    RequestDelegate next, SlidingWindowLimiter limiter, IOptionsMonitor<RateLimitingOptions> options,
    ILogger<DistributedRateLimitingMiddleware> logger, TimeProvider time)
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);
    private long _lastWarning;

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null
            || endpoint.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null)
        {
            await next(context);
            return;
        }

        var settings = options.CurrentValue;
        var user = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(Claims.Subject)?.Value : null;
        var (key, window) = user is not null
            ? ($"{settings.KeyPrefix}user:{user}", settings.PerUser)
            : ($"{settings.KeyPrefix}ip:{context.Connection.RemoteIpAddress}", settings.PerIp);
        SlidingWindowDecision decision;
        try
        {
            decision = await limiter.HitAsync(key, window.PermitLimit, window.Duration, context.RequestAborted);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            WarnFailingOpen(ex);
            await next(context);
            return;
        }

        if (decision.Allowed)
        {
            await next(context);
            return;
        }
        var retryAfter = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem($"Too many requests; retry after {retryAfter} s.", statusCode: StatusCodes.Status429TooManyRequests,
            title: "Rate limit exceeded").ExecuteAsync(context);
    }

    private void WarnFailingOpen(Exception ex)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarning);
        if (last != 0 && time.GetElapsedTime(last, now) < WarningInterval) return;
        if (Interlocked.CompareExchange(ref _lastWarning, now, last) != last) return;
        logger.LogWarning("Rate limits are not enforced while Redis is unreachable (failing open): {Reason}", ex.Message);
    }
}
