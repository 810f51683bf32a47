namespace ECommerce.Order.Api.Domain.Events;

/// <summary>A payment succeeded after the order was cancelled (typically a timeout): it is refunded.</summary>
public sealed record OrderLatePaymentRefundRequested(Guid OrderId, Guid PaymentId, decimal Amount, DateTimeOffset RequestedAt);
