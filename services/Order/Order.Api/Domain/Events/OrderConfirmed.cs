namespace ECommerce.Order.Api.Domain.Events;

/// <summary>The saga succeeded. Carries the total so the sales projection needs no other event.</summary>
public sealed record OrderConfirmed(Guid OrderId, decimal Total, string Currency, DateTimeOffset ConfirmedAt);
