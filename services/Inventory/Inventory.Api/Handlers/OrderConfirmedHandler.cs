using ECommerce.Contracts;
using ECommerce.Inventory.Api.Reservations;
using ECommerce.Messaging;

namespace ECommerce.Inventory.Api.Handlers;

/// <summary>Choreography: a confirmed order's reservation is committed (on-hand and reserved both go down).</summary>
internal sealed class OrderConfirmedHandler(ReservationStore reservations, ILogger<OrderConfirmedHandler> logger) : IMessageHandler<OrderConfirmed>
{
    public async Task HandleAsync(OrderConfirmed message, MessageContext context, CancellationToken ct)
    {
        var step = await reservations.CommitAsync(message.OrderId, context.RequireTransaction(), ct);
        if (step == ReservationStep.Refused)
            logger.LogWarning("OrderConfirmed {OrderId}: no live reservation to commit (released or never made)", message.OrderId);
        else
            logger.LogInformation("OrderConfirmed {OrderId}: commit {Step}", message.OrderId, step);
    }
}
