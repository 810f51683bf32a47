using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace ECommerce.System.Tests.Checkout;

/// <summary>
/// Publishes onto the running system's event exchange the way a service would (message id, type, JSON body), so a
/// test can deliver a message twice or deliver one nobody can read, and counts what is parked in a dead-letter queue.
/// </summary>
public sealed class Broker(string amqpUri) : IAsyncDisposable
{
    public const string Exchange = "events";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private IConnection? _connection;

    public Task PublishAsync(string type, object message, string messageId) =>
        PublishRawAsync(type, JsonSerializer.SerializeToUtf8Bytes(message, Json), messageId);

    public async Task PublishRawAsync(string type, byte[] body, string messageId)
    {
        await using var channel = await (await ConnectionAsync()).CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            MessageId = messageId, Type = type, ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent,
        };
        await channel.BasicPublishAsync(Exchange, type, mandatory: false, properties, body);
    }

    /// <summary>Messages waiting in a queue (a dead-letter queue, here).</summary>
    public async Task<uint> CountAsync(string queue)
    {
        await using var channel = await (await ConnectionAsync()).CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>Takes one message off a queue, acknowledging it; null when the queue is empty.</summary>
    public async Task<(string? Type, string Body)?> TakeAsync(string queue)
    {
        await using var channel = await (await ConnectionAsync()).CreateChannelAsync();
        var message = await channel.BasicGetAsync(queue, autoAck: true);
        return message is null ? null : (message.BasicProperties.Type, Encoding.UTF8.GetString(message.Body.Span));
    }

    private async Task<IConnection> ConnectionAsync() =>
        _connection ??= await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
