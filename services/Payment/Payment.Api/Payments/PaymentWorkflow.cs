using ECommerce.Contracts;
using ECommerce.Payment.Api.Processor;
using Npgsql;

namespace ECommerce.Payment.Api.Payments;

/// <summary>
/// Authorize, capture and refund, each in the caller's transaction (the message handler's: inbox row, payment row
/// and reply commit together). The processor is called while the order's payment row is locked, so nothing else
/// can act on that order's payment in between, and the processor gets the order id as idempotency key, so even a
/// crash between its answer and our commit cannot lead to a second authorization.
/// </summary>
public sealed class PaymentWorkflow(PaymentStore payments, ProcessorClient processor, ILogger<PaymentWorkflow> logger)
{
    /// <returns>PaymentAuthorized, PaymentDeclined, PaymentUnavailable, or null when the order's payment is being refunded.</returns>
    public async Task<object?> ChargeAsync(ChargePayment command, NpgsqlTransaction tx, CancellationToken ct)
    {
        if (PaymentReplies.InvalidChargeReason(command) is { } invalid) return new PaymentDeclined(command.OrderId, invalid);

        var (claimed, payment) = await payments.ClaimAsync(command.OrderId, command.Amount, command.Currency, tx, ct);
        if (!claimed)
        {
            logger.LogInformation("ChargePayment for order {OrderId} again: payment is {Status}, not charging twice", command.OrderId, payment.Status);
            return PaymentReplies.ForCharge(payment);
        }

        var result = await processor.AuthorizeAsync(command.OrderId, new ChargeRequest(command.Amount, command.Currency, command.CardToken), ct);
        switch (result)
        {
            case AuthorizationResult.Authorized authorized:
                await payments.SetStatusAsync(command.OrderId, PaymentStatus.Authorized, tx, ct, chargeId: authorized.ChargeId);
                return new PaymentAuthorized(command.OrderId, payment.PaymentId, command.Amount, command.Currency);
            case AuthorizationResult.Declined declined:
                await payments.SetStatusAsync(command.OrderId, PaymentStatus.Declined, tx, ct, declined.Code);
                return new PaymentDeclined(command.OrderId, declined.Code);
            case AuthorizationResult.Unavailable unavailable:
                await processor.VoidQuietlyAsync(command.OrderId, ct);
                await payments.SetStatusAsync(command.OrderId, PaymentStatus.Unavailable, tx, ct, unavailable.Reason);
                return new PaymentUnavailable(command.OrderId, unavailable.Reason);
            default:
                throw new InvalidOperationException($"Unknown authorization result {result}.");
        }
    }

    /// <summary>
    /// Refunds now if money is held; otherwise records the request, so a charge for the order that arrives later is
    /// never sent. A refund racing an authorization in flight waits on the row lock and then refunds it.
    /// </summary>
    /// <returns>PaymentRefunded (also for a repeat), or null when there was nothing to refund.</returns>
    public async Task<object?> RefundAsync(RefundPayment command, NpgsqlTransaction tx, CancellationToken ct)
    {
        var payment = await payments.RequestRefundAsync(command.OrderId, tx, ct);
        if (PaymentReplies.HoldsMoney(payment.Status))
        {
            await processor.RefundAsync(command.OrderId, ct);
            await payments.SetStatusAsync(command.OrderId, PaymentStatus.Refunded, tx, ct);
            payment = payment with { Status = PaymentStatus.Refunded };
        }
        return PaymentReplies.ForRefund(payment);
    }

    /// <summary>Captures an authorization (OrderConfirmed); anything else is left as it is. Returns whether it captured now.</summary>
    public async Task<bool> CaptureAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct)
    {
        var payment = await payments.LockAsync(orderId, tx, ct);
        if (payment is not { Status: PaymentStatus.Authorized, RefundRequested: false }) return false;
        await processor.CaptureAsync(orderId, ct);
        await payments.SetStatusAsync(orderId, PaymentStatus.Captured, tx, ct);
        return true;
    }
}
