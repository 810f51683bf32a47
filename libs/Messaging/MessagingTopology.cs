using System.Globalization;
using RabbitMQ.Client;

namespace ECommerce.Messaging;

/// <summary>
/// The broker objects of one service. Messages go to a durable topic exchange (routing key = type name); the
/// service's durable queue is bound to the types it handles. A failed delivery is republished to a retry queue whose
/// TTL is the backoff delay and which dead-letters back into the service queue; a message that cannot succeed is
/// published to the dead-letter exchange, which routes it to <c>&lt;service&gt;.dead-letter</c>.
/// </summary>
public sealed class MessagingTopology(MessagingOptions options)
{
    public string Exchange => options.ExchangeName;
    public string DeadLetterExchange => $"{options.ExchangeName}.dead-letter";
    public string Queue => options.ServiceName;
    public string DeadLetterQueue => $"{options.ServiceName}.dead-letter";

    public string RetryQueue(TimeSpan delay) => $"{options.ServiceName}.retry.{Format(delay)}";

    /// <summary>The exchanges publishers need; idempotent, so every new channel declares them.</summary>
    public static async Task DeclareExchangesAsync(IChannel channel, string exchange, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.ExchangeDeclareAsync($"{exchange}.dead-letter", ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: ct);
    }

    public async Task DeclareConsumerAsync(IChannel channel, IEnumerable<string> messageTypes, CancellationToken ct)
    {
        await DeclareExchangesAsync(channel, Exchange, ct);
        // A broker-side reject (requeue: false) parks the message too, not only the library's own publish.
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
        {
            ["x-dead-letter-exchange"] = DeadLetterExchange,
            ["x-dead-letter-routing-key"] = Queue,
        }, cancellationToken: ct);
        foreach (var type in messageTypes)
            await channel.QueueBindAsync(Queue, Exchange, type, cancellationToken: ct);

        foreach (var delay in options.EffectiveRetryDelays.Distinct())
        {
            await channel.QueueDeclareAsync(RetryQueue(delay), durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
            {
                ["x-message-ttl"] = (long)delay.TotalMilliseconds,
                ["x-dead-letter-exchange"] = "",
                ["x-dead-letter-routing-key"] = Queue,
            }, cancellationToken: ct);
        }

        await channel.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channel.QueueBindAsync(DeadLetterQueue, DeadLetterExchange, Queue, cancellationToken: ct);
    }

    private static string Format(TimeSpan delay) =>
        delay.TotalMilliseconds % 1000 == 0
            ? ((long)delay.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
            : ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
