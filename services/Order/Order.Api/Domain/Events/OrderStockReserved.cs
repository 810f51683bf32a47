namespace ECommerce.Order.Api.Domain.Events;

public sealed record OrderStockReserved(Guid OrderId, DateTimeOffset ReservationExpiresAt, DateTimeOffset ReservedAt);
