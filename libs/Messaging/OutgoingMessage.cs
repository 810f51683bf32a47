using System.Diagnostics;
using RabbitMQ.Client;

namespace ECommerce.Messaging;

/// <summary>The producer span and AMQP properties of one outgoing message.</summary>
internal static class OutgoingMessage
{
    /// <summary>Child of the trace context the envelope carries (captured at enqueue), not of whatever runs the publish.</summary>
    public static Activity? StartActivity(string exchange, string routingKey, MessageEnvelope envelope)
    {
        ActivityContext.TryParse(envelope.Headers.GetValueOrDefault(MessageHeaders.TraceParent),
            envelope.Headers.GetValueOrDefault(MessageHeaders.TraceState), out var parent);
        var activity = MessagingDiagnostics.Source.StartActivity($"{routingKey} publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", exchange);
        activity?.SetTag("messaging.message.id", envelope.MessageId);
        return activity;
    }

    public static BasicProperties Properties(MessageEnvelope envelope, Activity? activity)
    {
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
        return properties;
    }
}
