using ECommerce.Order.Api.Analytics;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Domain.Events;
using ECommerce.Order.Api.Orders;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;

namespace ECommerce.Order.Api.EventSourcing;

/// <summary>
/// The order streams on Marten, on the NpgsqlDataSource Aspire registered for orderdb (one pool, its health check and
/// tracing). Streams are keyed by the order id; <see cref="OrderAggregate"/> is folded from them and kept as an inline
/// snapshot; the <c>orders</c> table is an inline projection; sales per hour is an async projection run by the daemon.
/// </summary>
public static class MartenRegistration
{
    /// <summary>Marten's tables live in their own schema, beside the service's hand-written ones in public.</summary>
    public const string Schema = "order_events";

    internal static void AddOrderEventStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMarten(options =>
            {
                options.DatabaseSchemaName = Schema;
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                options.Events.AddEventTypes([
                    typeof(OrderPlaced), typeof(OrderStockReserved), typeof(OrderPaymentAuthorized), typeof(OrderConfirmed),
                    typeof(OrderCancelled), typeof(OrderStockReleased), typeof(OrderPaymentRefunded),
                    typeof(OrderLateStockReleaseRequested), typeof(OrderLatePaymentRefundRequested),
                ]);
                OrderConfirmedV1.Register(options);
                options.Projections.Snapshot<OrderAggregate>(SnapshotLifecycle.Inline);
                options.Projections.Add(new OrderSummaryProjection(), ProjectionLifecycle.Inline);
                options.Projections.Add(new SalesProjection(), ProjectionLifecycle.Async);
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);
    }
}
