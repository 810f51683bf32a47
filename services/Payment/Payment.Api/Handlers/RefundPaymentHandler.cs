using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payment.Api.Payments;

namespace ECommerce.Payment.Api.Handlers;

/// <summary>RefundPayment -> PaymentRefunded when money was held; otherwise the request is remembered for a late charge.</summary>
internal sealed class RefundPaymentHandler(PaymentWorkflow workflow, ILogger<RefundPaymentHandler> logger) : IMessageHandler<RefundPayment>
{
    public async Task HandleAsync(RefundPayment message, MessageContext context, CancellationToken ct)
    {
        var reply = await workflow.RefundAsync(message, context.RequireTransaction(), ct);
        logger.LogInformation("RefundPayment for order {OrderId} ({Reason}): {Outcome}", message.OrderId, message.Reason,
            reply is null ? "nothing charged, refund recorded" : "refunded");
        if (reply is not null) await context.PublishAsync(reply, ct);
    }
}
