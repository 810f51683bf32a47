namespace ECommerce.Messaging;

/// <summary>Handles one message type; resolved from DI in a scope per delivery.</summary>
public interface IMessageHandler<in TMessage> where TMessage : class
{
    Task HandleAsync(TMessage message, MessageContext context, CancellationToken ct);
}
