namespace ECommerce.Order.Api.Domain;

/// <summary>Why an order ended Cancelled (the API's <c>failureReason</c>).</summary>
public enum CancellationReason
{
    OutOfStock,
    PaymentDeclined,
    PaymentUnavailable,
    Timeout,
    CancelledByCustomer,
}
