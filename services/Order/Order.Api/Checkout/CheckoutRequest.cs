namespace ECommerce.Order.Api.Checkout;

/// <summary>POST /api/orders/checkout's body. Nullable members: absence is a validation error, not a 500.</summary>
public sealed record CheckoutRequest(ShippingAddressRequest? ShippingAddress, PaymentRequest? Payment);

public sealed record ShippingAddressRequest(string? Name, string? Line1, string? City, string? PostalCode, string? Country);

public sealed record PaymentRequest(string? CardToken);
