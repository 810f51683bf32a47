using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ECommerce.Product.Api.Trending;

/// <summary>
/// Choreography: a confirmed order's lines count as sales in trending. The effect lives in Redis, not in the
/// product database, so the de-duplication does too: the first delivery of an order claims a marker key (SET NX),
/// and a redelivery finds it taken. While Redis is down the claim throws and the message comes back later.
/// </summary>
public sealed class OrderConfirmedHandler(
    IConnectionMultiplexer redis, TrendingProducts trending, IOptions<TrendingOptions> options, ILogger<OrderConfirmedHandler> logger)
    : IMessageHandler<OrderConfirmed>
{
    private static readonly TimeSpan MarkerLifetime = TimeSpan.FromDays(2);

    public async Task HandleAsync(OrderConfirmed message, MessageContext context, CancellationToken ct)
    {
        var marker = $"{options.Value.KeyPrefix}counted:{message.OrderId:N}";
        if (!await redis.GetDatabase().StringSetAsync(marker, context.MessageId, MarkerLifetime, When.NotExists))
        {
            logger.LogInformation("Order {OrderId} was already counted in trending", message.OrderId);
            return;
        }
        foreach (var line in message.Lines)
            if (Guid.TryParse(line.ProductId, out var productId)) await trending.RecordSaleAsync(productId, line.Quantity);
        logger.LogInformation("Order {OrderId} counted in trending: {Lines} line(s)", message.OrderId, message.Lines.Count);
    }
}
