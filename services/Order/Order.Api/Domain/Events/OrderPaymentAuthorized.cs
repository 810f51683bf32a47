namespace ECommerce.Order.Api.Domain.Events;

public sealed record OrderPaymentAuthorized(Guid OrderId, Guid PaymentId, decimal Amount, DateTimeOffset AuthorizedAt);
