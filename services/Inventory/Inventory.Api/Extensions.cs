using ECommerce.Messaging;
using ECommerce.Postgres;
using ECommerce.ServiceDefaults;
using ECommerce.ServiceDefaults.Authentication;

namespace ECommerce.Inventory.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Behind the gateway and still checking: a token is validated here too, never trusted on the edge's word alone.
        builder.AddDefaultAuthentication();
        builder.AddPostgresDatabase(ResourceNames.InventoryDb, typeof(Extensions).Assembly);
        builder.AddRabbitMqConnection(ResourceNames.EventBus);
    }
}
