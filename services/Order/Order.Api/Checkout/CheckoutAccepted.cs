namespace ECommerce.Order.Api.Checkout;

/// <summary>202's body: the order exists and the saga is under way.</summary>
public sealed record CheckoutAccepted(Guid OrderId, string Status);
