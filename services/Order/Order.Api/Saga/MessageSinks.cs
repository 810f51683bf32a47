using ECommerce.Messaging;
using Npgsql;

namespace ECommerce.Order.Api.Saga;

internal static class MessageSinks
{
    /// <summary>The bus names a message by its runtime type, so a decision's messages go out as they are.</summary>
    public static Task SendAsync(this IMessageSink sink, object message, CancellationToken ct) => sink.SendAsync<object>(message, ct);

    public static IMessageSink Outbox(IOutbox outbox, NpgsqlTransaction transaction) => new OutboxSink(outbox, transaction);

    public static IMessageSink Context(MessageContext context) => new ContextSink(context);

    private sealed class OutboxSink(IOutbox outbox, NpgsqlTransaction transaction) : IMessageSink
    {
        public Task SendAsync<T>(T message, CancellationToken ct) where T : class => outbox.EnqueueAsync(message, transaction, ct);
    }

    private sealed class ContextSink(MessageContext context) : IMessageSink
    {
        public Task SendAsync<T>(T message, CancellationToken ct) where T : class => context.PublishAsync(message, ct);
    }
}
