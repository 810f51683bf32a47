using ECommerce.Messaging;
using ECommerce.Postgres;
using ECommerce.ServiceDefaults;

namespace ECommerce.Order.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase(ResourceNames.OrderDb, typeof(Extensions).Assembly);
        builder.AddRabbitMqConnection(ResourceNames.EventBus);
    }
}
