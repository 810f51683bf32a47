using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payment.Api.Payments;

namespace ECommerce.Payment.Api.Handlers;

/// <summary>ChargePayment -> PaymentAuthorized | PaymentDeclined | PaymentUnavailable, at most one authorization per order.</summary>
internal sealed class ChargePaymentHandler(PaymentWorkflow workflow, ILogger<ChargePaymentHandler> logger) : IMessageHandler<ChargePayment>
{
    public async Task HandleAsync(ChargePayment message, MessageContext context, CancellationToken ct)
    {
        var reply = await workflow.ChargeAsync(message, context.RequireTransaction(), ct);
        logger.LogInformation("ChargePayment for order {OrderId}: {Outcome}", message.OrderId, reply?.GetType().Name ?? "refund already requested");
        if (reply is not null) await context.PublishAsync(reply, ct);
    }
}
