namespace ECommerce.Payment.Api.Payments;

/// <summary>One row of <c>GET /api/payments</c>.</summary>
public sealed record PaymentSummary(Guid PaymentId, Guid OrderId, decimal? Amount, string? Currency, string Status, DateTimeOffset CreatedAt)
{
    public static PaymentSummary From(PaymentRecord p) => new(p.PaymentId, p.OrderId, p.Amount, p.Currency, p.Status.ToString(), p.CreatedAt);
}
