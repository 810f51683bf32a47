using ECommerce.Messaging;
using ECommerce.Redis;
using ECommerce.ServiceDefaults;
using ECommerce.ServiceDefaults.Authentication;

namespace ECommerce.Cart.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Behind the gateway and still checking: a token is validated here too, never trusted on the edge's word alone.
        builder.AddDefaultAuthentication();
        builder.AddRedisClient(ResourceNames.Redis);
        builder.AddRabbitMqConnection(ResourceNames.EventBus);
    }
}
