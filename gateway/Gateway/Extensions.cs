using System.Net;
using ECommerce.Gateway.Aggregation;
using ECommerce.Gateway.Edge;
using ECommerce.Gateway.Health;
using ECommerce.Gateway.Proxy;
using ECommerce.Redis;
using ECommerce.ServiceDefaults;
using ECommerce.ServiceDefaults.Authentication;
using ECommerce.ServiceDefaults.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Gateway;

internal static class Extensions
{
    public const string CorsPolicy = "frontends";
    public const string ProductsCachePolicy = "products";
    public const string ProductsCacheTag = "products";

    public static void AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ReverseProxyOptions>(builder.Configuration.GetSection(ReverseProxyOptions.SectionName));
        builder.Services.Configure<AggregationOptions>(builder.Configuration.GetSection("Aggregation"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ClusterDestinations>();
        builder.Services.AddSingleton<ProxyEndpointDataSource>();
        builder.Services.AddSingleton(new HttpMessageInvoker(new SocketsHttpHandler
        {
            // A proxy passes things through as they are: no redirects followed, no cookies kept, no decompression.
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            EnableMultipleHttp2Connections = true,
        }));
        builder.Services.AddSingleton<HttpForwarder>();
        builder.Services.AddSingleton<PartFetcher>();
        builder.Services.AddHostedService<ActiveHealthProbe>();

        builder.AddDefaultAuthentication();
        // Degraded, not Unhealthy, while Redis is down: the edge keeps serving and its rate limits fail open.
        builder.AddRedisClient(ResourceNames.Redis, HealthStatus.Degraded);
        builder.Services.AddGatewayRateLimiting(builder.Configuration);
        builder.Services.AddOutputCache(o => o.AddPolicy(ProductsCachePolicy, p => p
            .Expire(builder.Configuration.GetValue("OutputCache:ProductsTtl", TimeSpan.FromSeconds(5)))
            .SetVaryByQuery("*")
            .Tag(ProductsCacheTag)));
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .WithOrigins(builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [])
            .AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders("X-Correlation-Id", "X-Cache", "ETag", "Location", "Retry-After")));
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
            k.Limits.MaxRequestBodySize = MaxRequestBodySize(builder.Configuration));

        builder.Services.AddHealthChecks().AddCheck<DownstreamHealthCheck>(
            "services", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(new HealthResponseWriter(GatewayHealthJson.WriteAsync));
    }

    private static long MaxRequestBodySize(IConfiguration configuration) =>
        configuration.GetValue<long>("Gateway:MaxRequestBodySize", 1024 * 1024);

    /// <summary>The edge, in order: headers and CORS for everyone, then who you are, how often, and what you may do.</summary>
    public static WebApplication UseGatewayEdge(this WebApplication app)
    {
        app.UseMiddleware<AccessLogMiddleware>();
        app.UseSecurityHeaders();
        app.UseCors(CorsPolicy);
        app.UseRequestSizeLimit(MaxRequestBodySize(app.Configuration));
        app.UseAuthentication();
        app.UseGatewayRateLimiting();
        app.UseAuthorization();
        app.UseIdentityForwarding();
        app.UseOutputCache();
        app.UseProductCacheEviction();
        return app;
    }
}
