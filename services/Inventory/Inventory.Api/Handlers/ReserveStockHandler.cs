using ECommerce.Contracts;
using ECommerce.Inventory.Api.Reservations;
using ECommerce.Messaging;

namespace ECommerce.Inventory.Api.Handlers;

/// <summary>ReserveStock -> StockReserved | StockReservationFailed (all or nothing; a redelivery gets the same answer).</summary>
internal sealed class ReserveStockHandler(ReservationStore reservations, ILogger<ReserveStockHandler> logger) : IMessageHandler<ReserveStock>
{
    public async Task HandleAsync(ReserveStock message, MessageContext context, CancellationToken ct)
    {
        object? reply;
        try
        {
            reply = await reservations.ReserveAsync(message, context.RequireTransaction(), ct);
        }
        catch (ArgumentException ex)
        {
            throw new PermanentMessageException($"ReserveStock for order {message.OrderId} is malformed: {ex.Message}");
        }
        logger.LogInformation("ReserveStock for order {OrderId}: {Outcome}", message.OrderId, reply?.GetType().Name ?? "already released");
        if (reply is not null) await context.PublishAsync(reply, ct);
    }
}
