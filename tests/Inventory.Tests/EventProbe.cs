using System.Collections.Concurrent;
using System.Text.Json;
using ECommerce.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ECommerce.Inventory.Tests;

/// <summary>A test's own queue on the events exchange, bound to the reply types it waits for.</summary>
internal sealed class EventProbe : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<(string Type, JsonElement Body)> _received = new();

    private EventProbe(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<EventProbe> StartAsync(string amqpUri, params string[] types)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var probe = new EventProbe(connection, channel);
        await channel.ExchangeDeclareAsync("events", ExchangeType.Topic, durable: true);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in types) await channel.QueueBindAsync(queue, "events", type);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            probe._received.Enqueue((delivery.RoutingKey, JsonDocument.Parse(delivery.Body).RootElement.Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return probe;
    }

    /// <summary>Messages of <paramref name="type"/> for <paramref name="orderId"/> once at least <paramref name="count"/> arrived.</summary>
    public Task<List<JsonElement>> WaitForAsync(string type, Guid orderId, int count = 1) => Eventually.UntilAsync(
        () => Task.FromResult(_received
            .Where(m => m.Type == type && m.Body.GetProperty("orderId").GetGuid() == orderId)
            .Select(m => m.Body).ToList()),
        list => list.Count >= count, $"{count} {type} for order {orderId}");

    /// <summary>Takes one message off <paramref name="queue"/> (e.g. a dead-letter queue), waiting for it; returns its body.</summary>
    public async Task<string> TakeOneAsync(string queue)
    {
        var result = await Eventually.UntilAsync(() => _channel.BasicGetAsync(queue, autoAck: true), r => r is not null, $"a message on {queue}");
        return System.Text.Encoding.UTF8.GetString(result!.Body.Span);
    }

    public int Count(string type, Guid orderId) =>
        _received.Count(m => m.Type == type && m.Body.GetProperty("orderId").GetGuid() == orderId);

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _connection.Dispose();
    }
}
