using StackExchange.Redis;

namespace ECommerce.Cart.Api.Carts;

/// <summary>
/// Carts live only in Redis: while it is unreachable every cart call answers 503 problem+json (not 500), and the
/// next call after Redis returns works again, because the shared connection reconnects by itself.
/// </summary>
internal sealed class RedisUnavailableFilter(IConnectionMultiplexer redis, ILogger<RedisUnavailableFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // Not even tried while the multiplexer is reconnecting: a command sent then waits out the connect attempt (seconds).
        if (!redis.IsConnected) return Unavailable(context, "Redis is not connected.");
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            return Unavailable(context, ex.Message);
        }
    }

    private object Unavailable(EndpointFilterInvocationContext context, string reason)
    {
        logger.LogWarning("Cart store unavailable: {Reason}", reason);
        context.HttpContext.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Cart store unavailable",
            detail: "Carts are temporarily unavailable; try again shortly.");
    }
}
