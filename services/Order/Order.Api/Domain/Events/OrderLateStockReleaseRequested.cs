namespace ECommerce.Order.Api.Domain.Events;

/// <summary>Stock was reserved after the order was already cancelled: the reservation is released again.</summary>
public sealed record OrderLateStockReleaseRequested(Guid OrderId, DateTimeOffset RequestedAt);
