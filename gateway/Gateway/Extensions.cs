using ECommerce.Gateway.Aggregation;
using ECommerce.Gateway.Edge;
using ECommerce.Gateway.Health;
using ECommerce.Gateway.Caching;
using ECommerce.Gateway.Forwarding;
using ECommerce.Coordination;
using ECommerce.ServiceDefaults;
using ECommerce.ServiceDefaults.Authentication;
using ECommerce.ServiceDefaults.Health;
using ECommerce.ServiceDefaults.Resilience;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Gateway;

internal static class Extensions
{
    public const string CorsPolicy = "frontends";
    public const string ProductsCachePolicy = "products";
    public const string ProductsCacheTag = "products";

    public static void AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGatewayForwarding(builder.Configuration);
        builder.Services.Configure<AggregationOptions>(builder.Configuration.GetSection("Aggregation"));
        builder.Services.AddSingleton<PartFetcher>();
        builder.Services.AddDependency(ResourceNames.Product);
        builder.Services.AddDependency(ResourceNames.Inventory);
#pragma warning disable EXTEXP0001 // a readiness probe reports what it sees: no retries, no breaker
        builder.Services.AddHttpClient(DownstreamHealthCheck.ClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.AddDefaultAuthentication();
        // Degraded, not Unhealthy, while Redis is down: the edge keeps serving and its rate limits fail open.
        builder.AddFailFastRedisClient(ResourceNames.Redis, HealthStatus.Degraded);
        builder.Services.AddGatewayRateLimiting(builder.Configuration);
        builder.Services.AddOutputCache(o => o.AddPolicy(ProductsCachePolicy, p => p
            .Expire(builder.Configuration.GetValue("OutputCache:ProductsTtl", TimeSpan.FromSeconds(5)))
            .SetVaryByQuery("*")
            .Tag(ProductsCacheTag)
            .AddPolicy<CacheReplayMarker>()));
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .WithOrigins(builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [])
            .AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders("X-Correlation-Id", CacheHeaders.Cache, CacheHeaders.Layer, "Age", "ETag", "Location", "Retry-After")));
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
            k.Limits.MaxRequestBodySize = MaxRequestBodySize(builder.Configuration));

        builder.Services.AddHealthChecks().AddCheck<DownstreamHealthCheck>(
            "services", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(new HealthResponseWriter(GatewayHealthJson.WriteAsync));
    }

    private static long MaxRequestBodySize(IConfiguration configuration) =>
        configuration.GetValue<long>("Gateway:MaxRequestBodySize", 1024 * 1024);

    /// <summary>
    /// The edge, in order: headers and CORS for everyone, then who you are, how often, and what you may do; then the
    /// output cache and the route's timeout, inside which YARP forwards.
    /// </summary>
    public static WebApplication UseGatewayEdge(this WebApplication app)
    {
        app.UseMiddleware<AccessLogMiddleware>();
        app.UseSecurityHeaders();
        app.UseCors(CorsPolicy);
        app.UseRequestSizeLimit(MaxRequestBodySize(app.Configuration));
        app.UseAuthentication();
        app.UseGatewayRateLimiting();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseProductCacheEviction();
        app.UseRequestTimeouts();
        return app;
    }
}
