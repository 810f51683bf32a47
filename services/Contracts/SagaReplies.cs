namespace ECommerce.Contracts;

// What the saga's participants answer, as events named for what happened.

public sealed record StockReserved(Guid OrderId, DateTimeOffset ExpiresAt);

/// <summary>Not enough units of <paramref name="ShortProductIds"/>; nothing was reserved.</summary>
public sealed record StockReservationFailed(Guid OrderId, IReadOnlyList<string> ShortProductIds);

public sealed record StockReleased(Guid OrderId);

public sealed record PaymentAuthorized(Guid OrderId, Guid PaymentId, decimal Amount, string Currency);

/// <summary>The processor said no (<c>card_declined</c>, <c>insufficient_funds</c>): retrying will not help.</summary>
public sealed record PaymentDeclined(Guid OrderId, string Reason);

/// <summary>The processor kept failing or did not answer after every retry.</summary>
public sealed record PaymentUnavailable(Guid OrderId, string Reason);

public sealed record PaymentRefunded(Guid OrderId, Guid PaymentId, decimal Amount, string Currency);
