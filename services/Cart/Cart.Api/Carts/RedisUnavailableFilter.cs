using StackExchange.Redis;

namespace ECommerce.Cart.Api.Carts;

/// <summary>
/// Carts live only in Redis: while it is unreachable every cart call answers 503 problem+json (not 500), and the
/// next call after Redis returns works again, because the shared connection reconnects by itself.
/// </summary>
internal sealed class RedisUnavailableFilter(ILogger<RedisUnavailableFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            logger.LogWarning("Cart store unavailable: {Reason}", ex.Message);
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Cart store unavailable",
                detail: "Carts are temporarily unavailable; try again shortly.");
        }
    }
}
