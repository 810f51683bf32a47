using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payment.Api.Payments;

namespace ECommerce.Payment.Api.Handlers;

/// <summary>Choreography: a confirmed order's authorization is captured.</summary>
internal sealed class OrderConfirmedHandler(PaymentWorkflow workflow, ILogger<OrderConfirmedHandler> logger) : IMessageHandler<OrderConfirmed>
{
    public async Task HandleAsync(OrderConfirmed message, MessageContext context, CancellationToken ct)
    {
        var captured = await workflow.CaptureAsync(message.OrderId, context.RequireTransaction(), ct);
        logger.LogInformation("OrderConfirmed {OrderId}: {Outcome}", message.OrderId, captured ? "captured" : "nothing to capture");
    }
}
