using System.Text.Json;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Domain.Events;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace ECommerce.Order.Api.Orders;

/// <summary>
/// Keeps the <c>orders</c> table in step with the streams as a Marten inline projection: its SQL is queued in the
/// session's unit of work and commits in the transaction that appends the events, so a read after a write sees it and
/// the timeout worker's deadline row exists as soon as the order does.
/// </summary>
public sealed class OrderSummaryProjection : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case OrderPlaced placed:
                    operations.QueueSqlCommand(
                        """
                        INSERT INTO public.orders (id, user_id, status, items, total, currency, created_at, updated_at, deadline, version)
                        VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING
                        """,
                        placed.OrderId, placed.UserId, nameof(OrderStatus.Pending),
                        JsonSerializer.Serialize(OrderItem.From(placed.Lines), JsonSerializerOptions.Web),
                        placed.Total, placed.Currency, placed.PlacedAt, placed.PlacedAt, placed.Deadline, e.Version);
                    break;
                default:
                    var (status, reason) = e.Data switch
                    {
                        OrderStockReserved => (OrderStatus.StockReserved, null),
                        OrderConfirmed => (OrderStatus.Confirmed, null),
                        OrderCancelled c => (OrderStatus.Cancelled, c.Reason),
                        _ => ((OrderStatus?)null, (CancellationReason?)null),
                    };
                    operations.QueueSqlCommand(
                        """
                        UPDATE public.orders SET status = coalesce(?::text, status), failure_reason = coalesce(?::text, failure_reason),
                            updated_at = ?, version = ?
                        WHERE id = ? AND version < ?
                        """,
                        (object?)status?.ToString() ?? DBNull.Value, (object?)reason?.ToString() ?? DBNull.Value,
                        OccurredAt(e.Data) ?? e.Timestamp, e.Version, e.StreamId, e.Version);
                    break;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>When the event says it happened (what the aggregate's UpdatedAt shows too).</summary>
    private static DateTimeOffset? OccurredAt(object data) => data switch
    {
        OrderStockReserved x => x.ReservedAt,
        OrderPaymentAuthorized x => x.AuthorizedAt,
        OrderConfirmed x => x.ConfirmedAt,
        OrderCancelled x => x.CancelledAt,
        OrderStockReleased x => x.ReleasedAt,
        OrderPaymentRefunded x => x.RefundedAt,
        OrderLateStockReleaseRequested x => x.RequestedAt,
        OrderLatePaymentRefundRequested x => x.RequestedAt,
        _ => null,
    };
}
