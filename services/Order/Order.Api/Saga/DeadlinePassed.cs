namespace ECommerce.Order.Api.Saga;

/// <summary>The timeout worker's trigger: the clock says the order's deadline has passed.</summary>
public sealed record DeadlinePassed(Guid OrderId);
