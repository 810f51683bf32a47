using System.Collections.Concurrent;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ECommerce.Order.Tests.Integration;

/// <summary>
/// Plays inventory and payment at the message boundary: consumes the saga's commands (and the public order events)
/// from a test queue bound to the real broker's exchange, and answers through the service's own publisher.
/// Stock runs out for product ids starting "sold-out" and is never answered for ids starting "hold"; cards: tok_visa authorizes, tok_declined declines,
/// tok_down is unavailable, tok_silent never answers (for timeouts).
/// </summary>
internal sealed class SagaParticipants : IAsyncDisposable
{
    private static readonly string[] Watched =
        [nameof(ReserveStock), nameof(ReleaseStock), nameof(ChargePayment), nameof(RefundPayment), nameof(OrderConfirmed), nameof(OrderCancelled)];

    private readonly ConcurrentQueue<object> _received = new();
    private readonly ConcurrentDictionary<Guid, Guid> _payments = new();
    private IConnection _connection = null!;
    private IChannel _channel = null!;
    private IMessagePublisher _publisher = null!;

    public static async Task<SagaParticipants> StartAsync(string amqpUri, IMessagePublisher publisher)
    {
        var participants = new SagaParticipants { _publisher = publisher };
        participants._connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        participants._channel = await participants._connection.CreateChannelAsync();
        var channel = participants._channel;
        await channel.ExchangeDeclareAsync("events", ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = (await channel.QueueDeclareAsync("order-tests-participants", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in Watched) await channel.QueueBindAsync(queue, "events", type);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += participants.OnReceivedAsync;
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return participants;
    }

    public IReadOnlyList<T> Received<T>(Guid orderId) where T : class =>
        _received.OfType<T>().Where(m => OrderIdOf(m) == orderId).ToList();

    /// <summary>Waits until <paramref name="count"/> messages of the type arrived for the order (the relay publishes after commit).</summary>
    public Task<IReadOnlyList<T>> WaitForAsync<T>(Guid orderId, int count = 1) where T : class =>
        Eventually.GetAsync(() => Received<T>(orderId), m => m.Count >= count, $"{count} {typeof(T).Name} for {orderId}");

    /// <summary>Publishes a reply as the participant would (for late or duplicate replies).</summary>
    public Task ReplyAsync<T>(T reply) where T : class => _publisher.PublishAsync(reply);

    public Guid? PaymentOf(Guid orderId) => _payments.TryGetValue(orderId, out var id) ? id : null;

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        var message = Deserialize(delivery.RoutingKey, delivery.Body.Span);
        if (message is null) return;
        _received.Enqueue(message);
        switch (message)
        {
            case ReserveStock m when m.Lines.Any(l => l.ProductId.StartsWith("sold-out", StringComparison.Ordinal)):
                await _publisher.PublishAsync(new StockReservationFailed(m.OrderId, [.. m.Lines.Select(l => l.ProductId)]));
                break;
            case ReserveStock m when m.Lines.Any(l => l.ProductId.StartsWith("hold", StringComparison.Ordinal)):
                break;
            case ReserveStock m:
                await _publisher.PublishAsync(new StockReserved(m.OrderId, m.ExpiresAt));
                break;
            case ReleaseStock m:
                await _publisher.PublishAsync(new StockReleased(m.OrderId));
                break;
            case ChargePayment { CardToken: "tok_visa" } m:
                var paymentId = _payments.GetOrAdd(m.OrderId, _ => Guid.NewGuid());
                await _publisher.PublishAsync(new PaymentAuthorized(m.OrderId, paymentId, m.Amount, m.Currency));
                break;
            case ChargePayment { CardToken: "tok_declined" } m:
                await _publisher.PublishAsync(new PaymentDeclined(m.OrderId, "card_declined"));
                break;
            case ChargePayment { CardToken: "tok_down" } m:
                await _publisher.PublishAsync(new PaymentUnavailable(m.OrderId, "processor_error"));
                break;
            case RefundPayment m when _payments.TryGetValue(m.OrderId, out var refunded):
                await _publisher.PublishAsync(new PaymentRefunded(m.OrderId, refunded, 0m, "EUR"));
                break;
        }
    }

    private static object? Deserialize(string type, ReadOnlySpan<byte> body) => type switch
    {
        nameof(ReserveStock) => JsonSerializer.Deserialize<ReserveStock>(body, JsonSerializerOptions.Web),
        nameof(ReleaseStock) => JsonSerializer.Deserialize<ReleaseStock>(body, JsonSerializerOptions.Web),
        nameof(ChargePayment) => JsonSerializer.Deserialize<ChargePayment>(body, JsonSerializerOptions.Web),
        nameof(RefundPayment) => JsonSerializer.Deserialize<RefundPayment>(body, JsonSerializerOptions.Web),
        nameof(OrderConfirmed) => JsonSerializer.Deserialize<OrderConfirmed>(body, JsonSerializerOptions.Web),
        nameof(OrderCancelled) => JsonSerializer.Deserialize<OrderCancelled>(body, JsonSerializerOptions.Web),
        _ => null,
    };

    private static Guid OrderIdOf(object message) => message switch
    {
        ReserveStock m => m.OrderId,
        ReleaseStock m => m.OrderId,
        ChargePayment m => m.OrderId,
        RefundPayment m => m.OrderId,
        OrderConfirmed m => m.OrderId,
        OrderCancelled m => m.OrderId,
        _ => Guid.Empty,
    };

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
