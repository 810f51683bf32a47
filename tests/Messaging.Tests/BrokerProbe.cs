using System.Text;
using RabbitMQ.Client;

namespace ECommerce.Messaging.Tests;

/// <summary>A plain client connection for what a test checks or does behind the library's back.</summary>
public sealed class BrokerProbe : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private BrokerProbe(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<BrokerProbe> OpenAsync(string amqpUri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        return new BrokerProbe(connection, channel);
    }

    /// <summary>Takes messages off a queue until <paramref name="expected"/> have arrived or the deadline passes.</summary>
    public async Task<List<ParkedMessage>> TakeAsync(string queue, int expected, TimeSpan? timeout = null)
    {
        var taken = new List<ParkedMessage>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (taken.Count < expected && DateTime.UtcNow < deadline)
        {
            var result = await _channel.BasicGetAsync(queue, autoAck: true);
            if (result is null)
            {
                await Task.Delay(50);
                continue;
            }
            var headers = (result.BasicProperties.Headers ?? new Dictionary<string, object?>())
                .ToDictionary(h => h.Key, h => h.Value is byte[] b ? Encoding.UTF8.GetString(b) : h.Value?.ToString());
            taken.Add(new ParkedMessage(result.BasicProperties.MessageId, result.BasicProperties.Type, Encoding.UTF8.GetString(result.Body.Span), headers));
        }
        return taken;
    }

    public Task DeleteQueueAsync(string queue) => _channel.QueueDeleteAsync(queue);

    public async Task<uint> MessageCountAsync(string queue) => (await _channel.QueueDeclarePassiveAsync(queue)).MessageCount;

    public async Task PublishRawAsync(string exchange, string routingKey, string body, string? messageId, string? type)
    {
        var properties = new BasicProperties { MessageId = messageId, Type = type, DeliveryMode = DeliveryModes.Persistent };
        await _channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _connection.Dispose();
    }
}

public sealed record ParkedMessage(string? MessageId, string? Type, string Body, IReadOnlyDictionary<string, string?> Headers);
