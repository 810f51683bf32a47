using ECommerce.Gateway.Edge;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ECommerce.Gateway.Proxy;

/// <summary>
/// One endpoint per configured route, rebuilt whenever the ReverseProxy configuration changes (as YARP's
/// reloadable config does). Each endpoint carries its route's authorization, rate-limit and output-cache
/// policies as metadata, so ASP.NET Core's own middleware enforces them.
/// </summary>
public sealed class ProxyEndpointDataSource : EndpointDataSource
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly IOptionsMonitor<ReverseProxyOptions> _options;
    private readonly object _gate = new();
    private IReadOnlyList<Endpoint> _endpoints;
    private CancellationTokenSource _changed = new();

    public ProxyEndpointDataSource(IOptionsMonitor<ReverseProxyOptions> options)
    {
        _options = options;
        _endpoints = Build(options.CurrentValue);
        options.OnChange(Reload);
    }

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

    public override IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    private void Reload(ReverseProxyOptions options)
    {
        CancellationTokenSource previous;
        lock (_gate)
        {
            _endpoints = Build(options);
            previous = _changed;
            _changed = new CancellationTokenSource();
        }
        previous.Cancel();
    }

    private static List<Endpoint> Build(ReverseProxyOptions options)
    {
        var endpoints = new List<Endpoint>();
        foreach (var (routeId, route) in options.Routes)
        {
            var clusterId = route.ClusterId;
            var timeout = route.Timeout ?? DefaultTimeout;
            var builder = new RouteEndpointBuilder(
                context => context.RequestServices.GetRequiredService<HttpForwarder>().ForwardAsync(
                    context, clusterId, context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent(), timeout),
                RoutePatternFactory.Parse(route.Match.Path),
                route.Order)
            {
                DisplayName = $"proxy:{routeId}",
            };
            if (route.Match.Methods is { Count: > 0 } methods) builder.Metadata.Add(new HttpMethodMetadata(methods));
            if (string.IsNullOrEmpty(route.AuthorizationPolicy) || route.AuthorizationPolicy.Equals(Policies.Anonymous, StringComparison.OrdinalIgnoreCase))
                builder.Metadata.Add(new AllowAnonymousAttribute());
            else
                builder.Metadata.Add(new AuthorizeAttribute(route.AuthorizationPolicy));
            if (route.RateLimiterPolicy is "Disable") builder.Metadata.Add(new DisableRateLimitingAttribute());
            else builder.Metadata.Add(new EnableRateLimitingAttribute(route.RateLimiterPolicy ?? RateLimitingOptions.PolicyName));
            if (!string.IsNullOrEmpty(route.OutputCachePolicy)) builder.Metadata.Add(new OutputCacheAttribute { PolicyName = route.OutputCachePolicy });
            endpoints.Add(builder.Build());
        }
        return endpoints;
    }
}
