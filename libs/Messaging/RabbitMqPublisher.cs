using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace ECommerce.Messaging;

/// <summary>
/// Publishes persistent messages on channels with publisher confirms; a publish returns once the broker has
/// confirmed it and throws if the broker nacks, returns (mandatory) or does not answer within the timeout.
/// Channels are pooled so concurrent publishers do not wait for each other's confirms.
/// </summary>
internal sealed class RabbitMqPublisher(RabbitMqConnection connection, MessagingOptions options, ILogger<RabbitMqPublisher> logger)
    : IMessagePublisher, IAsyncDisposable
{
    private static readonly CreateChannelOptions ConfirmedChannel = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
    private readonly ConcurrentBag<IChannel> _idle = [];

    public Task PublishAsync<T>(T message, CancellationToken ct = default) where T : class =>
        PublishAsync(MessageEnvelope.Create(message), ct);

    public Task PublishAsync(MessageEnvelope envelope, CancellationToken ct = default) =>
        PublishToAsync(options.ExchangeName, envelope.MessageType, envelope, mandatory: false, ct);

    /// <summary>To a given exchange and routing key; mandatory when the message must reach a queue (retries, dead letters).</summary>
    public async Task PublishToAsync(string exchange, string routingKey, MessageEnvelope envelope, bool mandatory, CancellationToken ct)
    {
        ActivityContext.TryParse(envelope.Headers.GetValueOrDefault(MessageHeaders.TraceParent),
            envelope.Headers.GetValueOrDefault(MessageHeaders.TraceState), out var parent);
        using var activity = MessagingDiagnostics.Source.StartActivity($"{routingKey} publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", exchange);
        activity?.SetTag("messaging.message.id", envelope.MessageId);

        var properties = new BasicProperties
        {
            MessageId = envelope.MessageId,
            Type = envelope.MessageType,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            CorrelationId = envelope.CorrelationId,
            Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            Headers = envelope.Headers.ToDictionary(h => h.Key, h => (object?)h.Value),
        };
        if (activity is not null) properties.Headers[MessageHeaders.TraceParent] = activity.Id;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PublishTimeout);
        var channel = await RentAsync(timeout.Token);
        try
        {
            await channel.BasicPublishAsync(exchange, routingKey, mandatory, properties, envelope.Body, timeout.Token);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            await DiscardAsync(channel);
            if (ex is OperationCanceledException && !ct.IsCancellationRequested)
                throw new TimeoutException($"The broker did not confirm message {envelope.MessageId} within {options.PublishTimeout}.", ex);
            throw;
        }
        _idle.Add(channel);
    }

    private async Task<IChannel> RentAsync(CancellationToken ct)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsOpen) return idle;
            await DiscardAsync(idle);
        }
        var open = await connection.GetAsync(ct);
        var channel = await open.CreateChannelAsync(ConfirmedChannel, ct);
        try
        {
            await MessagingTopology.DeclareExchangesAsync(channel, options.ExchangeName, ct);
        }
        catch
        {
            await DiscardAsync(channel);
            throw;
        }
        return channel;
    }

    private async Task DiscardAsync(IChannel channel)
    {
        try
        {
            if (channel.IsOpen) await channel.CloseAsync();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Closing a publish channel failed");
        }
        channel.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var channel)) await DiscardAsync(channel);
    }
}
