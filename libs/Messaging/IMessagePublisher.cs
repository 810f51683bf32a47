namespace ECommerce.Messaging;

/// <summary>Publishes straight to the broker and returns once the broker has confirmed the message.</summary>
public interface IMessagePublisher
{
    Task PublishAsync<T>(T message, CancellationToken ct = default) where T : class;

    /// <summary>Publishes a prepared envelope (its id, type and headers as they are); what the outbox relay uses.</summary>
    Task PublishAsync(MessageEnvelope envelope, CancellationToken ct = default);
}
