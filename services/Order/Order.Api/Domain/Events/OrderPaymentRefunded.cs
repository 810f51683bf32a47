namespace ECommerce.Order.Api.Domain.Events;

/// <summary>Compensation done: payment confirmed the money went back.</summary>
public sealed record OrderPaymentRefunded(Guid OrderId, Guid PaymentId, decimal Amount, DateTimeOffset RefundedAt);
