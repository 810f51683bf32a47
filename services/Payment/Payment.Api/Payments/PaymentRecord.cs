namespace ECommerce.Payment.Api.Payments;

/// <summary>One order's payment row.</summary>
public sealed record PaymentRecord(
    Guid PaymentId, Guid OrderId, decimal? Amount, string? Currency, PaymentStatus Status, string? FailureReason,
    bool RefundRequested, DateTimeOffset CreatedAt);
