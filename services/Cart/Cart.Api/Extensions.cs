using ECommerce.Cart.Api.Carts;
using ECommerce.Cart.Api.Checkout;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Coordination;
using ECommerce.ServiceDefaults;
using ECommerce.ServiceDefaults.Authentication;
using ECommerce.ServiceDefaults.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECommerce.Cart.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Behind the gateway and still checking: a token is validated here too, never trusted on the edge's word alone.
        builder.AddDefaultAuthentication();
        builder.AddFailFastRedisClient(ResourceNames.Redis);
        builder.AddMessaging(ResourceNames.EventBus, messaging =>
        {
            messaging.ServiceName = ResourceNames.Cart;
            messaging.Handle<OrderConfirmed, OrderConfirmedHandler>();
        });

        builder.Services.Configure<CartOptions>(builder.Configuration.GetSection(CartOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CartStore>();
        builder.Services.AddSingleton<ProductCatalog>();
        builder.Services.AddHttpClient(ProductCatalog.ClientName, c => c.BaseAddress = new Uri($"http://{ResourceNames.Product}"))
            .AddDependencyResilience();
    }

    /// <summary>After MapDefaultEndpoints: who is calling, then the cart API.</summary>
    public static WebApplication MapCartServices(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapCartApi();
        return app;
    }
}
