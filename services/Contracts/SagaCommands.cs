namespace ECommerce.Contracts;

// Commands the order saga sends. Each is handled idempotently by the service that owns the step: the same
// command delivered twice has the effect of one.

/// <summary>Inventory: hold the lines' units for this order until <paramref name="ExpiresAt"/>, all or nothing.</summary>
public sealed record ReserveStock(Guid OrderId, IReadOnlyList<OrderLine> Lines, DateTimeOffset ExpiresAt);

/// <summary>Inventory: give back what was reserved for this order (a no-op when nothing is held).</summary>
public sealed record ReleaseStock(Guid OrderId, string Reason);

/// <summary>Payment: authorize <paramref name="Amount"/> on the card; at most one payment per order.</summary>
public sealed record ChargePayment(Guid OrderId, string UserId, decimal Amount, string Currency, string CardToken);

/// <summary>Payment: refund (or void) the order's payment, now or whenever it succeeds later.</summary>
public sealed record RefundPayment(Guid OrderId, string Reason);
