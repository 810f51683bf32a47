using ECommerce.Messaging;
using ECommerce.Postgres;
using ECommerce.ServiceDefaults;

namespace ECommerce.Inventory.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase(ResourceNames.InventoryDb, typeof(Extensions).Assembly);
        builder.AddRabbitMqConnection(ResourceNames.EventBus);
    }
}
