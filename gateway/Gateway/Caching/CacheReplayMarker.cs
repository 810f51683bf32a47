using Microsoft.AspNetCore.OutputCaching;
using Yarp.ReverseProxy.Model;

namespace ECommerce.Gateway.Caching;

/// <summary>
/// Part of an output-cache policy: when the middleware serves a stored response, mark it before it is sent
/// (the stored headers are copied first, so this runs as the response starts).
/// </summary>
public sealed class CacheReplayMarker : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        response.OnStarting(() =>
        {
            // Not a replay after all (the stored copy was refused and the request went upstream).
            if (context.HttpContext.Features.Get<IReverseProxyFeature>() is not null) return Task.CompletedTask;
            response.Headers[CacheHeaders.Cache] = CacheHeaders.Hit;
            response.Headers[CacheHeaders.Layer] = CacheHeaders.GatewayLayer;
            return Task.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
