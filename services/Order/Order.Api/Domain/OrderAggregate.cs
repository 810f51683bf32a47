using OrderLine = ECommerce.Contracts.OrderLine;
using ECommerce.Order.Api.Domain.Events;

namespace ECommerce.Order.Api.Domain;

/// <summary>
/// The order as its events tell it. No I/O and no decisions here: <see cref="Saga.OrderSaga"/> decides, this folds.
/// Marten folds it through the public Apply methods (self-aggregating: <c>AggregateStreamAsync</c>, the inline snapshot,
/// <c>FetchForWriting</c>); <see cref="Fold"/> does the same in memory for the saga's unit tests.
/// </summary>
public sealed class OrderAggregate
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public IReadOnlyList<OrderLine> Lines { get; set; } = [];
    public decimal Total { get; set; }
    public string Currency { get; set; } = "";
    public ShippingAddress? ShippingAddress { get; set; }
    public string CardToken { get; set; } = "";
    public OrderStatus Status { get; set; }
    public CancellationReason? FailureReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public Guid? PaymentId { get; set; }
    public bool StockReserved { get; set; }
    public bool StockReleaseRequested { get; set; }
    public bool StockReleased { get; set; }
    public bool RefundRequested { get; set; }
    public bool PaymentRefunded { get; set; }
    public bool LateStockReleaseRequested { get; set; }
    public List<Guid> LateRefundedPayments { get; set; } = [];

    /// <summary>
    /// How many events were applied, as a fold from events shows it (time travel). Appends do not use it: Marten's
    /// <c>FetchForWriting</c> carries the stream's version itself.
    /// </summary>
    public long Version { get; set; }

    public bool IsTerminal => Status is OrderStatus.Confirmed or OrderStatus.Cancelled;

    public static OrderAggregate Fold(IEnumerable<object> events)
    {
        var order = new OrderAggregate();
        foreach (var e in events) order.When(e);
        return order;
    }

    public void When(object e)
    {
        switch (e)
        {
            case OrderPlaced x: Apply(x); break;
            case OrderStockReserved x: Apply(x); break;
            case OrderPaymentAuthorized x: Apply(x); break;
            case OrderConfirmed x: Apply(x); break;
            case OrderCancelled x: Apply(x); break;
            case OrderStockReleased x: Apply(x); break;
            case OrderPaymentRefunded x: Apply(x); break;
            case OrderLateStockReleaseRequested x: Apply(x); break;
            case OrderLatePaymentRefundRequested x: Apply(x); break;
            default: Version++; break; // an event this code does not know still counts for the version
        }
    }

    public void Apply(OrderPlaced e)
    {
        (Id, UserId, Lines, Total, Currency, ShippingAddress, CardToken) =
            (e.OrderId, e.UserId, e.Lines, e.Total, e.Currency, e.ShippingAddress, e.CardToken);
        (Status, CreatedAt, UpdatedAt, Deadline) = (OrderStatus.Pending, e.PlacedAt, e.PlacedAt, e.Deadline);
        Version++;
    }

    public void Apply(OrderStockReserved e) => Touch(e.ReservedAt, () => (Status, StockReserved) = (OrderStatus.StockReserved, true));

    public void Apply(OrderPaymentAuthorized e) => Touch(e.AuthorizedAt, () => PaymentId = e.PaymentId);

    public void Apply(OrderConfirmed e) => Touch(e.ConfirmedAt, () => Status = OrderStatus.Confirmed);

    public void Apply(OrderCancelled e) => Touch(e.CancelledAt, () =>
    {
        (Status, FailureReason) = (OrderStatus.Cancelled, e.Reason);
        StockReleaseRequested |= e.StockReleaseRequested;
        RefundRequested |= e.RefundRequested;
    });

    public void Apply(OrderStockReleased e) => Touch(e.ReleasedAt, () => StockReleased = true);

    public void Apply(OrderPaymentRefunded e) => Touch(e.RefundedAt, () => PaymentRefunded = true);

    public void Apply(OrderLateStockReleaseRequested e) => Touch(e.RequestedAt, () => LateStockReleaseRequested = true);

    public void Apply(OrderLatePaymentRefundRequested e) => Touch(e.RequestedAt, () =>
    {
        LateRefundedPayments.Add(e.PaymentId);
        RefundRequested = true;
    });

    private void Touch(DateTimeOffset at, Action change)
    {
        change();
        UpdatedAt = at;
        Version++;
    }
}
