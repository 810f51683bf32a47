namespace ECommerce.Contracts;

// The order's public outcome. What follows is choreography: inventory commits or releases, payment captures,
// the cart clears, trending counts the sale, each in its own service.

public sealed record OrderConfirmed(
    Guid OrderId, string UserId, IReadOnlyList<OrderLine> Lines, decimal Total, string Currency, DateTimeOffset ConfirmedAt);

/// <summary><paramref name="Reason"/>: OutOfStock | PaymentDeclined | PaymentUnavailable | Timeout | CancelledByCustomer.</summary>
public sealed record OrderCancelled(Guid OrderId, string UserId, string Reason, DateTimeOffset CancelledAt);
