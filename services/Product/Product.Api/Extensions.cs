using ECommerce.Messaging;
using ECommerce.Postgres;
using ECommerce.Redis;
using ECommerce.ServiceDefaults;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Product.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Behind the gateway and still checking: a token is validated here too, never trusted on the edge's word alone.
        builder.AddDefaultAuthentication();
        builder.AddPostgresDatabase(ResourceNames.ProductDb, typeof(Extensions).Assembly);
        // The catalog is served from PostgreSQL when Redis is down: without its cache the service is degraded, not down.
        builder.AddRedisClient(ResourceNames.Redis, HealthStatus.Degraded);
        builder.AddRabbitMqConnection(ResourceNames.EventBus);
    }
}
