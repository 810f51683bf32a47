namespace ECommerce.Order.Api.Domain.Events;

/// <summary>Compensation done: inventory confirmed it gave the reserved units back.</summary>
public sealed record OrderStockReleased(Guid OrderId, DateTimeOffset ReleasedAt);
