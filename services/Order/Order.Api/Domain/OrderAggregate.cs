using OrderLine = ECommerce.Contracts.OrderLine;
using ECommerce.Order.Api.Domain.Events;

namespace ECommerce.Order.Api.Domain;

/// <summary>
/// The order as its events tell it. No I/O and no decisions here: <see cref="Saga.OrderSaga"/> decides, this folds.
/// Public Apply methods are what the event store's AggregateStreamAsync calls; <see cref="Fold"/> does the same in memory.
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

    /// <summary>How many events were applied: the stream version to expect when appending.</summary>
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
