using ECommerce.Contracts;
using ECommerce.Inventory.Api.Reservations;
using ECommerce.Messaging;

namespace ECommerce.Inventory.Api.Handlers;

/// <summary>Choreography: a cancelled order's units go back, whether or not the saga also sent ReleaseStock.</summary>
internal sealed class OrderCancelledHandler(ReservationStore reservations, ILogger<OrderCancelledHandler> logger) : IMessageHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled message, MessageContext context, CancellationToken ct)
    {
        var step = await reservations.ReleaseAsync(message.OrderId, context.RequireTransaction(), ct);
        logger.LogInformation("OrderCancelled {OrderId} ({Reason}): release {Step}", message.OrderId, message.Reason, step);
    }
}
