using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Order.Api.Admin;
using ECommerce.Order.Api.Analytics;
using ECommerce.Order.Api.Cancel;
using ECommerce.Order.Api.Checkout;
using ECommerce.Order.Api.EventSourcing;
using ECommerce.Order.Api.History;
using ECommerce.Order.Api.Orders;
using ECommerce.Order.Api.Saga;
using ECommerce.Postgres;
using ECommerce.ServiceDefaults;
using ECommerce.ServiceDefaults.Authentication;
using ECommerce.ServiceDefaults.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECommerce.Order.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Behind the gateway and still checking: a token is validated here too, never trusted on the edge's word alone.
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDataSource(ResourceNames.OrderDb, configureDataSourceBuilder: PostgresExtensions.BoundWaitsAndPool);
        builder.AddSchemaMigrations(typeof(Extensions).Assembly);
        builder.AddOrderEventStore();
        builder.AddMessaging(ResourceNames.EventBus, messaging =>
        {
            messaging.ServiceName = ResourceNames.Order;
            messaging.UseOutbox(ResourceNames.OrderDb);
            messaging.Handle<StockReserved, SagaReplyHandler<StockReserved>>();
            messaging.Handle<StockReservationFailed, SagaReplyHandler<StockReservationFailed>>();
            messaging.Handle<StockReleased, SagaReplyHandler<StockReleased>>();
            messaging.Handle<PaymentAuthorized, SagaReplyHandler<PaymentAuthorized>>();
            messaging.Handle<PaymentDeclined, SagaReplyHandler<PaymentDeclined>>();
            messaging.Handle<PaymentUnavailable, SagaReplyHandler<PaymentUnavailable>>();
            messaging.Handle<PaymentRefunded, SagaReplyHandler<PaymentRefunded>>();
        });

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SagaOptions>().Bind(builder.Configuration.GetSection(SagaOptions.SectionName))
            .Validate(o => o.Timeout > TimeSpan.Zero && o.ReservationLifetime > o.Timeout,
                "Order:Saga:Timeout must be positive and shorter than ReservationLifetime.")
            .Validate(o => o.TimeoutScanInterval > TimeSpan.Zero && o.TimeoutBatchSize > 0, "The timeout scan needs a positive interval and batch.")
            .ValidateOnStart();
        services.AddSingleton<OrderMetrics>();
        services.AddSingleton<SagaRunner>();
        services.AddSingleton<OrderReadStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddDependency(ResourceNames.Cart); // the cart's own pipeline, and its breaker in /health
        services.AddSingleton<CartClient>();
        services.AddSingleton<CheckoutHandler>();
        services.AddHostedService<TimeoutWorker>();
    }

    /// <summary>After MapDefaultEndpoints: who is calling.</summary>
    public static WebApplication UseOrderEdge(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapOrdersApi(this WebApplication app)
    {
        app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(Policies.Customer)
            .MapCheckout()
            .MapOrderReads()
            .MapOrderHistory()
            .MapCancel();
        app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin)
            .MapAdminOrders()
            .MapSalesAnalytics();
        return app;
    }
}
