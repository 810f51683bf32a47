using ECommerce.Coordination;
using StackExchange.Redis;

namespace ECommerce.Gateway.Edge;

public static class RateLimitingExtensions
{
    /// <summary>The per-client sliding windows, counted in Redis (libs/Coordination's <see cref="SlidingWindowLimiter"/>).</summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitingOptions>(configuration.GetSection(RateLimitingOptions.SectionName));
        services.AddSingleton(sp => new SlidingWindowLimiter(sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase()));
        return services;
    }

    /// <summary>After authentication (limits are per user when there is one), before authorization.</summary>
    public static IApplicationBuilder UseGatewayRateLimiting(this IApplicationBuilder app) =>
        app.UseMiddleware<DistributedRateLimitingMiddleware>();
}
