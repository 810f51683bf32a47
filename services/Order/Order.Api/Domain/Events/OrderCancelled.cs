namespace ECommerce.Order.Api.Domain.Events;

/// <summary>
/// The saga gave up. The flags record which compensations were ordered with it, so the history shows what was undone
/// and a replay knows which confirmations (<see cref="OrderStockReleased"/>, <see cref="OrderPaymentRefunded"/>) to expect.
/// </summary>
public sealed record OrderCancelled(
    Guid OrderId, CancellationReason Reason, DateTimeOffset CancelledAt, bool StockReleaseRequested, bool RefundRequested);
