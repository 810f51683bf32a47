namespace ECommerce.Order.Api.Checkout;

/// <summary>A checkout already answered under a key: replayed as it was.</summary>
public sealed record IdempotencyRecord(Guid OrderId, string RequestHash, int StatusCode, string Response);
