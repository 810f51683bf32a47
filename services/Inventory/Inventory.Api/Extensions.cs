using ECommerce.Contracts;
using ECommerce.Inventory.Api.Handlers;
using ECommerce.Inventory.Api.Reservations;
using ECommerce.Inventory.Api.Stock;
using ECommerce.Messaging;
using ECommerce.Postgres;
using ECommerce.ServiceDefaults;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECommerce.Inventory.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Behind the gateway and still checking: a token is validated here too, never trusted on the edge's word alone.
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDataSource(ResourceNames.InventoryDb, configureDataSourceBuilder: PostgresExtensions.BoundWaitsAndPool);
        builder.AddSchemaMigrations(typeof(Extensions).Assembly);
        DapperConventions.Register();
        builder.AddMessaging(ResourceNames.EventBus, messaging =>
        {
            messaging.ServiceName = ResourceNames.Inventory;
            messaging.UseOutbox(ResourceNames.InventoryDb);
            messaging.Handle<ReserveStock, ReserveStockHandler>();
            messaging.Handle<ReleaseStock, ReleaseStockHandler>();
            messaging.Handle<OrderConfirmed, OrderConfirmedHandler>();
            messaging.Handle<OrderCancelled, OrderCancelledHandler>();
        });

        var services = builder.Services;
        services.AddOptions<InventoryOptions>().Bind(builder.Configuration.GetSection(InventoryOptions.SectionName))
            .Validate(o => o.DefaultOnHand >= 0, "Inventory:DefaultOnHand must be 0 or more.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero && o.SweepBatchSize > 0, "Inventory:SweepInterval and SweepBatchSize must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StockStore>();
        services.AddSingleton<ReservationStore>();
        services.AddSingleton<ExpiredReservationSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiredReservationSweeper>());
    }

    public static WebApplication MapInventoryApi(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGroup("/api/inventory").WithTags("Inventory").MapStockEndpoints();
        return app;
    }
}
