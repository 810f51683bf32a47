using ECommerce.Messaging;
using ECommerce.Redis;
using ECommerce.ServiceDefaults;

namespace ECommerce.Cart.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ResourceNames.Redis);
        builder.AddRabbitMqConnection(ResourceNames.EventBus);
    }
}
