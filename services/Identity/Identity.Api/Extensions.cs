using ECommerce.Postgres;
using ECommerce.ServiceDefaults;

namespace ECommerce.Identity.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase(ResourceNames.IdentityDb, typeof(Extensions).Assembly);
    }
}
