using ECommerce.Cart.Api.Carts;
using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Cart.Api.Checkout;

/// <summary>
/// Choreography: once an order is confirmed, the lines it bought leave the buyer's cart. Only those lines: what the
/// user put in the cart after checking out stays. Removing a line twice is harmless, so a redelivery needs no inbox.
/// </summary>
public sealed class OrderConfirmedHandler(CartStore carts, ILogger<OrderConfirmedHandler> logger) : IMessageHandler<OrderConfirmed>
{
    public async Task HandleAsync(OrderConfirmed message, MessageContext context, CancellationToken ct)
    {
        foreach (var line in message.Lines) await carts.RemoveAsync(message.UserId, line.ProductId);
        logger.LogInformation("Order {OrderId} confirmed: {Lines} line(s) left the cart of {UserId}",
            message.OrderId, message.Lines.Count, message.UserId);
    }
}
