using ECommerce.Messaging;
using ECommerce.Postgres;
using ECommerce.ServiceDefaults;

namespace ECommerce.Payment.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase(ResourceNames.PaymentDb, typeof(Extensions).Assembly);
        builder.AddRabbitMqConnection(ResourceNames.EventBus);
    }
}
