using ECommerce.Contracts;

namespace ECommerce.Order.Api.Domain.Events;

/// <summary>
/// The customer checked out. <paramref name="Deadline"/> is when the saga gives up: stored in the event (and the
/// read model), so a restarted service still knows which orders to time out.
/// </summary>
public sealed record OrderPlaced(
    Guid OrderId,
    string UserId,
    IReadOnlyList<OrderLine> Lines,
    decimal Total,
    string Currency,
    ShippingAddress ShippingAddress,
    string CardToken,
    DateTimeOffset PlacedAt,
    DateTimeOffset Deadline);
