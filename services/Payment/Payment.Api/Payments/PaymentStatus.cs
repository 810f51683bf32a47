namespace ECommerce.Payment.Api.Payments;

public enum PaymentStatus { Pending, Authorized, Captured, Declined, Unavailable, Refunded, RefundRequested }
