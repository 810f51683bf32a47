using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Messaging;

/// <summary>One message type this service handles: how to read its body and call its handler.</summary>
internal sealed record HandlerRegistration(
    string MessageType, Type ClrType, Type HandlerType,
    Func<IServiceProvider, object, MessageContext, CancellationToken, Task> Invoke)
{
    /// <summary>The inbox key: a message is handled once per handler, even if two services share a database.</summary>
    public string InboxKey(string serviceName) => $"{serviceName}/{HandlerType.Name}";

    public static HandlerRegistration Create<TMessage, THandler>()
        where TMessage : class
        where THandler : class, IMessageHandler<TMessage> =>
        new(MessageSerializer.TypeName(typeof(TMessage)), typeof(TMessage), typeof(THandler),
            (services, message, context, ct) =>
                services.GetRequiredService<THandler>().HandleAsync((TMessage)message, context, ct));
}
