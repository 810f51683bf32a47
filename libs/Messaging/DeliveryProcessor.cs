using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client.Events;

namespace ECommerce.Messaging;

/// <summary>
/// Handles one delivery: trace span with the publisher's parent, handler (in the inbox transaction when there is an
/// outbox), then a decision: ack, retry later through a TTL queue (attempt + 1), or park in the dead-letter queue.
/// Every path that acks has first either committed the effect or confirmed the message's new home.
/// </summary>
internal sealed class DeliveryProcessor(
    MessagingOptions options, MessagingTopology topology, RabbitMqPublisher publisher, InboxHandlerInvoker invoker,
    ILogger<DeliveryProcessor> logger)
{
    public async Task<DeliveryOutcome> ProcessAsync(BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        var headers = DeliveryHeaders.Read(delivery.BasicProperties);
        var envelope = new MessageEnvelope
        {
            MessageId = delivery.BasicProperties.MessageId ?? "",
            MessageType = delivery.BasicProperties.Type ?? delivery.RoutingKey,
            Body = delivery.Body.ToArray(),
            Headers = headers,
        };
        var attempt = DeliveryHeaders.Attempt(headers);
        ActivityContext.TryParse(headers.GetValueOrDefault(MessageHeaders.TraceParent), headers.GetValueOrDefault(MessageHeaders.TraceState), out var parent);
        using var activity = MessagingDiagnostics.Source.StartActivity($"{envelope.MessageType} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", topology.Queue);
        activity?.SetTag("messaging.message.id", envelope.MessageId);
        activity?.SetTag("messaging.attempt", attempt);
        if (envelope.CorrelationId is { } correlation) activity?.SetTag(MessagingCorrelation.ActivityKey, correlation);
        MessagingCorrelation.Current = envelope.CorrelationId;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["MessageId"] = envelope.MessageId, ["MessageType"] = envelope.MessageType, ["CorrelationId"] = envelope.CorrelationId,
        });

        if (envelope.MessageId.Length == 0) return await ParkAsync(envelope, "The message has no message id.", ct);
        if (options.FindHandler(envelope.MessageType) is not { } registration)
            return await ParkAsync(envelope, $"No handler for message type '{envelope.MessageType}'.", ct);
        object? message;
        try
        {
            message = MessageSerializer.Deserialize(envelope.Body, registration.ClrType);
        }
        catch (JsonException ex)
        {
            return await ParkAsync(envelope, "The body cannot be read: " + ex.Message, ct);
        }
        if (message is null) return await ParkAsync(envelope, "The body is null.", ct);

        try
        {
            var handled = await invoker.InvokeAsync(registration, message, envelope, attempt, ct);
            logger.LogInformation(handled ? "Handled {MessageType} {MessageId} (attempt {Attempt})" : "Skipped {MessageType} {MessageId}: already handled",
                envelope.MessageType, envelope.MessageId, attempt);
            activity?.SetTag("messaging.duplicate", !handled);
            return DeliveryOutcome.Ack;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return DeliveryOutcome.Requeue;
        }
        catch (PermanentMessageException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return await ParkAsync(envelope, "Permanent failure: " + ex.Message, ct);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            if (attempt >= options.MaxAttempts)
                return await ParkAsync(envelope, $"Failed {attempt} times, last: {ex.GetType().Name}: {ex.Message}", ct);
            return await RetryAsync(envelope, attempt, ex, ct);
        }
    }

    private async Task<DeliveryOutcome> RetryAsync(MessageEnvelope envelope, int attempt, Exception failure, CancellationToken ct)
    {
        var delay = options.RetryDelay(attempt);
        logger.LogWarning("Attempt {Attempt} of {MessageType} {MessageId} failed, retrying in {Delay} ms: {Reason}",
            attempt, envelope.MessageType, envelope.MessageId, (int)delay.TotalMilliseconds, failure.Message);
        var retry = With(envelope, MessageHeaders.Attempt, (attempt + 1).ToString(CultureInfo.InvariantCulture));
        retry.Headers[MessageHeaders.FailureReason] = Truncate(failure.Message);
        return await MoveAsync("", topology.RetryQueue(delay), retry, ct);
    }

    private async Task<DeliveryOutcome> ParkAsync(MessageEnvelope envelope, string reason, CancellationToken ct)
    {
        logger.LogError("Parking {MessageType} {MessageId} in {Queue}: {Reason}", envelope.MessageType, envelope.MessageId, topology.DeadLetterQueue, reason);
        var parked = With(envelope, MessageHeaders.FailureReason, Truncate(reason));
        return await MoveAsync(topology.DeadLetterExchange, topology.Queue, parked, ct);
    }

    private async Task<DeliveryOutcome> MoveAsync(string exchange, string routingKey, MessageEnvelope envelope, CancellationToken ct)
    {
        envelope.Headers[MessageHeaders.OriginalQueue] = topology.Queue;
        try
        {
            await publisher.PublishToAsync(exchange, routingKey, envelope, mandatory: true, ct);
            return DeliveryOutcome.Ack;
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not move {MessageId} to {RoutingKey}, it will be delivered again: {Reason}", envelope.MessageId, routingKey, ex.Message);
            return DeliveryOutcome.Requeue;
        }
    }

    private static MessageEnvelope With(MessageEnvelope envelope, string header, string value)
    {
        var headers = new Dictionary<string, string>(envelope.Headers, StringComparer.Ordinal) { [header] = value };
        return new MessageEnvelope { MessageId = envelope.MessageId, MessageType = envelope.MessageType, Body = envelope.Body, Headers = headers };
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
