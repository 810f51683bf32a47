using ECommerce.Contracts;

namespace ECommerce.Payment.Api.Payments;

/// <summary>What the saga is told about a payment, from its state alone: so a redelivered command gets the first answer.</summary>
public static class PaymentReplies
{
    public static object? ForCharge(PaymentRecord p) => p.Status switch
    {
        PaymentStatus.Authorized or PaymentStatus.Captured => new PaymentAuthorized(p.OrderId, p.PaymentId, p.Amount ?? 0m, p.Currency ?? ""),
        PaymentStatus.Declined => new PaymentDeclined(p.OrderId, p.FailureReason ?? "declined"),
        PaymentStatus.Unavailable => new PaymentUnavailable(p.OrderId, p.FailureReason ?? "unavailable"),
        // Refunded, or refunded before it was ever charged: the order is being compensated, not waiting for a charge.
        _ => null,
    };

    public static object? ForRefund(PaymentRecord p) => p.Status == PaymentStatus.Refunded
        ? new PaymentRefunded(p.OrderId, p.PaymentId, p.Amount ?? 0m, p.Currency ?? "")
        : null;

    /// <summary>Whether a refund has money to give back (an authorization is voided, a capture refunded).</summary>
    public static bool HoldsMoney(PaymentStatus status) => status is PaymentStatus.Authorized or PaymentStatus.Captured;

    /// <summary>A charge that cannot be sent at all (the processor would reject it); the saga hears a decline.</summary>
    public static string? InvalidChargeReason(ChargePayment command) =>
        command.Amount <= 0 || decimal.Round(command.Amount, 2) != command.Amount ? "invalid_amount"
        : command.Currency is not { Length: 3 } || !command.Currency.All(char.IsAsciiLetterUpper) ? "invalid_currency"
        : string.IsNullOrWhiteSpace(command.CardToken) ? "invalid_card"
        : null;
}
