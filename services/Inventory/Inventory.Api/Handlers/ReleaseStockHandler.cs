using ECommerce.Contracts;
using ECommerce.Inventory.Api.Reservations;
using ECommerce.Messaging;

namespace ECommerce.Inventory.Api.Handlers;

/// <summary>ReleaseStock -> StockReleased (also when nothing was held: the saga's compensation is then done).</summary>
internal sealed class ReleaseStockHandler(ReservationStore reservations, ILogger<ReleaseStockHandler> logger) : IMessageHandler<ReleaseStock>
{
    public async Task HandleAsync(ReleaseStock message, MessageContext context, CancellationToken ct)
    {
        var step = await reservations.ReleaseAsync(message.OrderId, context.RequireTransaction(), ct);
        logger.LogInformation("ReleaseStock for order {OrderId} ({Reason}): {Step}", message.OrderId, message.Reason, step);
        if (step != ReservationStep.Refused) await context.PublishAsync(new StockReleased(message.OrderId), ct);
    }
}
