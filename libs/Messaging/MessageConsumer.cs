using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ECommerce.Messaging;

/// <summary>
/// Subscribes the service's queue with manual acks, a prefetch window and concurrent dispatch. A delivery is acked
/// only after the processor has committed it or moved it to a retry or dead-letter queue, and nacked (requeued)
/// otherwise. Connection loss is repaired by RabbitMQ.Client's recovery (queues, bindings and the consumer come back);
/// a channel the broker closed while the connection stays up is replaced here.
/// </summary>
internal sealed class MessageConsumer(
    BrokerConnection connection, MessagingOptions options, MessagingTopology topology, DeliveryProcessor processor,
    MessagingStatus status, ILogger<MessageConsumer> logger, MessagingDatabase? database = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            IChannel? channel = null;
            try
            {
                if (database is not null) await database.EnsureSchemaAsync(stoppingToken);
                var open = await connection.GetAsync(stoppingToken);
                channel = await open.CreateChannelAsync(
                    new CreateChannelOptions(false, false, consumerDispatchConcurrency: options.ConsumerConcurrency), stoppingToken);
                await topology.DeclareConsumerAsync(channel, options.Handlers.Select(h => h.MessageType), stoppingToken);
                await channel.BasicQosAsync(0, options.PrefetchCount, global: false, stoppingToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                var subscribed = channel;
                consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(subscribed, delivery, stoppingToken);
                await channel.BasicConsumeAsync(topology.Queue, autoAck: false, consumer, stoppingToken);
                status.Consuming();
                logger.LogInformation("Consuming {Queue} ({Types})", topology.Queue, string.Join(", ", options.Handlers.Select(h => h.MessageType)));
                backoff = TimeSpan.FromMilliseconds(250);
                await WhileConsumingAsync(open, channel, consumer, stoppingToken);
                logger.LogWarning("The consumer of {Queue} stopped (channel closed or consumer cancelled), subscribing again: {Reason}",
                    topology.Queue, channel.CloseReason?.ReplyText);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Cannot consume {Queue} yet, retrying in {Delay} ms: {Reason}", topology.Queue, (int)backoff.TotalMilliseconds, ex.Message);
                try { await Task.Delay(backoff, stoppingToken); }
                catch (OperationCanceledException) { break; }
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 5000));
            }
            finally
            {
                status.Stopped();
                if (channel is not null) await CloseAsync(channel);
            }
        }
    }

    /// <summary>
    /// Returns when the channel is closed or the broker cancelled the consumer (its queue was deleted) while the
    /// connection is open, for several checks in a row: that is a channel problem, not an outage recovery repairs.
    /// </summary>
    private static async Task WhileConsumingAsync(IConnection open, IChannel channel, AsyncEventingBasicConsumer consumer, CancellationToken ct)
    {
        var brokenChecks = 0;
        while (brokenChecks < 3)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            brokenChecks = (!channel.IsOpen || !consumer.IsRunning) && open.IsOpen ? brokenChecks + 1 : 0;
        }
    }

    private async Task OnDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        var outcome = await processor.ProcessAsync(delivery, ct);
        try
        {
            if (outcome == DeliveryOutcome.Ack) await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
            else await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The broker requeues unacked deliveries when the channel dies; the inbox makes the redelivery harmless.
            logger.LogWarning("Could not {Outcome} delivery {Tag}: {Reason}", outcome, delivery.DeliveryTag, ex.Message);
        }
    }

    private async Task CloseAsync(IChannel channel)
    {
        try
        {
            if (channel.IsOpen) await channel.CloseAsync();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Closing the consumer channel failed");
        }
        channel.Dispose();
    }
}
