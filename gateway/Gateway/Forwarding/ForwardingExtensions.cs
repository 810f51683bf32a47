using ECommerce.Gateway.Caching;
using ECommerce.Gateway.Edge;
using Microsoft.AspNetCore.RateLimiting;

namespace ECommerce.Gateway.Forwarding;

/// <summary>
/// The forwarding is YARP's: routes and clusters from the <c>ReverseProxy</c> configuration section (reloadable),
/// destinations resolved by Microsoft.Extensions.ServiceDiscovery (<c>http://product</c> →
/// <c>services__product__http__0</c>, every instance), YARP's load balancing, active and passive health checks,
/// transforms and per-route timeouts. What the gateway adds sits around it: the edge middleware before it, two
/// transforms (identity headers, the cache layer) and one step inside the proxy pipeline
/// (<see cref="ForwardingFailures"/>).
/// </summary>
public static class ForwardingExtensions
{
    public const string SectionName = "ReverseProxy";

    public static IServiceCollection AddGatewayForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection(SectionName))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(context =>
            {
                context.AddIdentityForwarding();
                context.AddCacheLayerHeader();
            });
        services.AddRequestTimeouts();
        return services;
    }

    /// <summary>
    /// Maps every configured route. YARP puts each route's authorization, CORS, output-cache and timeout policies
    /// on its endpoint; the per-client rate limit (counted in Redis by our middleware) is put on every route here.
    /// </summary>
    public static WebApplication MapGatewayForwarding(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseForwardingFailures();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        }).ConfigureEndpoints((endpoint, route) =>
        {
            if (route.Metadata?.GetValueOrDefault(RateLimitingMetadata) is "Disable")
                endpoint.WithMetadata(new DisableRateLimitingAttribute());
            else
                endpoint.WithMetadata(new EnableRateLimitingAttribute(RateLimitingOptions.PolicyName));
        });
        return app;
    }

    /// <summary>Route metadata key: "Disable" takes a route out of the per-client rate limit.</summary>
    public const string RateLimitingMetadata = "RateLimiting";
}
