using ECommerce.Contracts;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Domain.Events;
using PublicOrderCancelled = ECommerce.Contracts.OrderCancelled;
using PublicOrderConfirmed = ECommerce.Contracts.OrderConfirmed;
using OrderCancelled = ECommerce.Order.Api.Domain.Events.OrderCancelled;
using OrderConfirmed = ECommerce.Order.Api.Domain.Events.OrderConfirmed;

namespace ECommerce.Order.Api.Saga;

/// <summary>
/// The checkout saga's decisions as a pure function of the order's state and what just happened. Handlers load the
/// order, call <see cref="Decide"/>, then append and send what it returns in one transaction.
/// </summary>
public static class OrderSaga
{
    public static SagaDecision Start(
        Guid orderId, string userId, IReadOnlyList<OrderLine> lines, decimal total, string currency,
        ShippingAddress shipping, string cardToken, DateTimeOffset now, SagaOptions options)
    {
        var placed = new OrderPlaced(orderId, userId, lines, total, currency, shipping, cardToken, now, now + options.Timeout);
        return new([placed], [new ReserveStock(orderId, lines, now + options.ReservationLifetime)]);
    }

    public static SagaDecision Decide(OrderAggregate order, object trigger, DateTimeOffset now) => trigger switch
    {
        StockReserved r => OnStockReserved(order, r, now),
        StockReservationFailed => order.Status == OrderStatus.Pending
            ? Cancel(order, CancellationReason.OutOfStock, releaseStock: false, refund: false, now)
            : SagaDecision.Nothing,
        PaymentAuthorized a => OnPaymentAuthorized(order, a, now),
        PaymentDeclined => OnPaymentFailed(order, CancellationReason.PaymentDeclined, now),
        PaymentUnavailable => OnPaymentFailed(order, CancellationReason.PaymentUnavailable, now),
        StockReleased => order.Status == OrderStatus.Cancelled && !order.StockReleased
            ? new([new OrderStockReleased(order.Id, now)], [])
            : SagaDecision.Nothing,
        PaymentRefunded r => order.Status == OrderStatus.Cancelled && !order.PaymentRefunded
            ? new([new OrderPaymentRefunded(order.Id, r.PaymentId, r.Amount, now)], [])
            : SagaDecision.Nothing,
        DeadlinePassed => !order.IsTerminal && now >= order.Deadline
            ? CancelOpenOrder(order, CancellationReason.Timeout, now)
            : SagaDecision.Nothing,
        CancelRequested => order.IsTerminal
            ? SagaDecision.Reject($"The order is already {order.Status}.")
            : CancelOpenOrder(order, CancellationReason.CancelledByCustomer, now),
        _ => SagaDecision.Nothing,
    };

    private static SagaDecision OnStockReserved(OrderAggregate order, StockReserved reply, DateTimeOffset now) => order.Status switch
    {
        OrderStatus.Pending => new(
            [new OrderStockReserved(order.Id, reply.ExpiresAt, now)],
            [new ChargePayment(order.Id, order.UserId, order.Total, order.Currency, order.CardToken)]),
        // Reserved after we gave up (the ReleaseStock may have overtaken the ReserveStock): release again, once.
        OrderStatus.Cancelled when !order.LateStockReleaseRequested => new(
            [new OrderLateStockReleaseRequested(order.Id, now)],
            [new ReleaseStock(order.Id, order.FailureReason.ToString()!)]),
        _ => SagaDecision.Nothing,
    };

    private static SagaDecision OnPaymentAuthorized(OrderAggregate order, PaymentAuthorized reply, DateTimeOffset now) => order.Status switch
    {
        OrderStatus.StockReserved => new(
            [new OrderPaymentAuthorized(order.Id, reply.PaymentId, reply.Amount, now), new OrderConfirmed(order.Id, order.Total, order.Currency, now)],
            [new PublicOrderConfirmed(order.Id, order.UserId, order.Lines, order.Total, order.Currency, now)]),
        // A payment that succeeds after the order was cancelled (typically timed out) is refunded.
        OrderStatus.Cancelled when !order.LateRefundedPayments.Contains(reply.PaymentId) => new(
            [new OrderLatePaymentRefundRequested(order.Id, reply.PaymentId, reply.Amount, now)],
            [new RefundPayment(order.Id, order.FailureReason.ToString()!)]),
        _ => SagaDecision.Nothing,
    };

    private static SagaDecision OnPaymentFailed(OrderAggregate order, CancellationReason reason, DateTimeOffset now) =>
        order.Status == OrderStatus.StockReserved
            ? Cancel(order, reason, releaseStock: true, refund: false, now)
            : SagaDecision.Nothing;

    /// <summary>
    /// Timeout or customer cancel before the end: release the stock (the reservation may be held or still in flight),
    /// and once ChargePayment has gone out, refund too (the payment may succeed after this).
    /// </summary>
    private static SagaDecision CancelOpenOrder(OrderAggregate order, CancellationReason reason, DateTimeOffset now) =>
        Cancel(order, reason, releaseStock: true, refund: order.Status == OrderStatus.StockReserved, now);

    private static SagaDecision Cancel(OrderAggregate order, CancellationReason reason, bool releaseStock, bool refund, DateTimeOffset now)
    {
        var messages = new List<object>();
        if (releaseStock) messages.Add(new ReleaseStock(order.Id, reason.ToString()));
        if (refund) messages.Add(new RefundPayment(order.Id, reason.ToString()));
        messages.Add(new PublicOrderCancelled(order.Id, order.UserId, reason.ToString(), now));
        return new([new OrderCancelled(order.Id, reason, now, releaseStock, refund)], messages);
    }
}
