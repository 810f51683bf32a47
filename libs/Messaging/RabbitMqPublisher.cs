using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace ECommerce.Messaging;

/// <summary>
/// Publishes persistent messages on channels with publisher confirms; a publish returns once the broker has
/// confirmed it and throws if the broker nacks, returns (mandatory) or does not answer within the timeout.
/// Channels are pooled so concurrent publishers do not wait for each other's confirms.
/// </summary>
internal sealed class RabbitMqPublisher(BrokerConnection connection, MessagingOptions options, ILogger<RabbitMqPublisher> logger)
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
        var failures = await PublishManyAsync(exchange, [(routingKey, envelope)], mandatory, ct);
        if (failures[0] is { } failure) ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>
    /// Publishes the envelopes in order on one channel without waiting for each confirm before the next publish, then
    /// waits for all confirms: the broker batches its disk syncs, so this is many times faster than one at a time.
    /// </summary>
    /// <returns>Per envelope: null when confirmed, else why not.</returns>
    public async Task<Exception?[]> PublishBatchAsync(IReadOnlyList<MessageEnvelope> envelopes, CancellationToken ct) =>
        await PublishManyAsync(options.ExchangeName, envelopes.Select(e => (e.MessageType, e)).ToList(), mandatory: false, ct);

    private async Task<Exception?[]> PublishManyAsync(
        string exchange, IReadOnlyList<(string RoutingKey, MessageEnvelope Envelope)> messages, bool mandatory, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PublishTimeout);
        var channel = await RentAsync(timeout.Token);
        var pending = new (Activity? Activity, ValueTask Confirm)[messages.Count];
        var failures = new Exception?[messages.Count];
        var ambient = Activity.Current;
        for (var i = 0; i < messages.Count; i++)
        {
            var (routingKey, envelope) = messages[i];
            var activity = OutgoingMessage.StartActivity(exchange, routingKey, envelope);
            try
            {
                pending[i] = (activity, channel.BasicPublishAsync(exchange, routingKey, mandatory, OutgoingMessage.Properties(envelope, activity), envelope.Body, timeout.Token));
            }
            catch (Exception ex)
            {
                pending[i] = (activity, ValueTask.FromException(ex));
            }
            // Each span is the parent of the client's own publish span only; the next message gets its own.
            Activity.Current = ambient;
        }
        for (var i = 0; i < pending.Length; i++)
        {
            var (activity, confirm) = pending[i];
            try
            {
                await confirm;
            }
            catch (Exception ex)
            {
                failures[i] = ex is OperationCanceledException && !ct.IsCancellationRequested
                    ? new TimeoutException($"The broker did not confirm message {messages[i].Envelope.MessageId} within {options.PublishTimeout}.", ex)
                    : ex;
                activity?.SetStatus(ActivityStatusCode.Error, failures[i]!.Message);
            }
            activity?.Dispose();
        }
        if (failures.Any(f => f is not null)) await DiscardAsync(channel);
        else _idle.Add(channel);
        return failures;
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
