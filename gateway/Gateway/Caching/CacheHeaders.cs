using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace ECommerce.Gateway.Caching;

/// <summary>
/// Which cache answered, told truthfully through two layers: <c>X-Cache: HIT|MISS</c> as API.md has it, and
/// <c>X-Cache-Layer</c> naming the layer of a HIT. A service that answers from its own cache says
/// <c>X-Cache: HIT</c>; the gateway names it after the cluster (<c>product</c>) unless the service named itself. A
/// response the gateway's output cache replays is the stored copy of an earlier one, whose headers said what that
/// earlier request met: the replay says <c>HIT</c> with layer <c>gateway</c> (and its <c>Age</c>).
/// </summary>
public static class CacheHeaders
{
    public const string Cache = "X-Cache";
    public const string Layer = "X-Cache-Layer";
    public const string Hit = "HIT";
    public const string GatewayLayer = "gateway";

    /// <summary>The transform for forwarded responses: a service's HIT gets its layer.</summary>
    public static TransformBuilderContext AddCacheLayerHeader(this TransformBuilderContext context)
    {
        var layer = context.Cluster?.ClusterId;
        if (layer is null) return context;
        context.AddResponseTransform(transform =>
        {
            var headers = transform.HttpContext.Response.Headers;
            if (headers[Cache] == Hit && !headers.ContainsKey(Layer)) headers[Layer] = layer;
            return ValueTask.CompletedTask;
        });
        return context;
    }
}
