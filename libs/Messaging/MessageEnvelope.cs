using System.Diagnostics;

namespace ECommerce.Messaging;

/// <summary>
/// A serialized message as it travels: id, type name (the routing key), JSON body and string headers
/// (trace context, correlation id). Built once at publish or enqueue time so the outbox stores exactly what is sent.
/// </summary>
public sealed class MessageEnvelope
{
    public required string MessageId { get; init; }
    public required string MessageType { get; init; }
    public required byte[] Body { get; init; }
    public Dictionary<string, string> Headers { get; init; } = [];

    public string? CorrelationId => Headers.GetValueOrDefault(MessageHeaders.CorrelationId);

    /// <summary>
    /// Wraps <paramref name="message"/> with a new id (unless given), the current trace context and correlation id
    /// (the ambient one unless given).
    /// </summary>
    public static MessageEnvelope Create(object message, string? messageId = null, string? correlationId = null)
    {
        var envelope = new MessageEnvelope
        {
            MessageId = messageId ?? Guid.NewGuid().ToString(),
            MessageType = MessageSerializer.TypeName(message.GetType()),
            Body = MessageSerializer.Serialize(message),
        };
        if (Activity.Current is { } activity)
        {
            envelope.Headers[MessageHeaders.TraceParent] = activity.Id!;
            if (!string.IsNullOrEmpty(activity.TraceStateString)) envelope.Headers[MessageHeaders.TraceState] = activity.TraceStateString;
        }
        if ((correlationId ?? MessagingCorrelation.Current) is { } correlation)
            envelope.Headers[MessageHeaders.CorrelationId] = correlation;
        return envelope;
    }
}
