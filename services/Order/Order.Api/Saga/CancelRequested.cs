namespace ECommerce.Order.Api.Saga;

/// <summary>The customer asked to cancel (POST /api/orders/{id}/cancel).</summary>
public sealed record CancelRequested(Guid OrderId);
