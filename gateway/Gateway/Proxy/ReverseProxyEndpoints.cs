using Microsoft.Extensions.Options;

namespace ECommerce.Gateway.Proxy;

public static class ReverseProxyEndpoints
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>One endpoint per configured route, forwarding to a destination of the route's cluster.</summary>
    public static WebApplication MapReverseProxy(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value;
        foreach (var (routeId, route) in options.Routes)
        {
            var clusterId = route.ClusterId;
            var timeout = route.Timeout ?? DefaultTimeout;
            RequestDelegate forward = async context =>
            {
                var destinations = context.RequestServices.GetRequiredService<ClusterDestinations>();
                var forwarder = context.RequestServices.GetRequiredService<HttpForwarder>();
                if (destinations.Next(clusterId) is not { } destination)
                {
                    await TypedResults.Problem($"Cluster '{clusterId}' has no destination.", statusCode: StatusCodes.Status503ServiceUnavailable,
                        title: "No upstream").ExecuteAsync(context);
                    return;
                }
                var pathAndQuery = context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
                await forwarder.ForwardAsync(context, destination, pathAndQuery, timeout);
            };
            var endpoint = route.Match.Methods is { Count: > 0 } methods
                ? app.MapMethods(route.Match.Path, methods, forward)
                : app.Map(route.Match.Path, forward);
            endpoint.WithDisplayName($"proxy:{routeId}").ExcludeFromDescription();
        }
        return app;
    }
}
