// Temporary: the agreed libs/Messaging interfaces, until agent/messaging is merged (then this file is deleted).
using Npgsql;

namespace ECommerce.Messaging;

internal interface IMessageHandler<in TMessage> where TMessage : class
{
    Task HandleAsync(TMessage message, MessageContext context, CancellationToken ct);
}

internal sealed class MessageContext
{
    public required string MessageId { get; init; }
    public required string MessageType { get; init; }
    public int Attempt { get; init; }
    public string? CorrelationId { get; init; }
    public NpgsqlConnection? Connection { get; init; }
    public NpgsqlTransaction? Transaction { get; init; }
    public Func<object, CancellationToken, Task> Publisher { get; init; } = (_, _) => Task.CompletedTask;

    public Task PublishAsync<T>(T message, CancellationToken ct = default) where T : class => Publisher(message, ct);
}

internal sealed class PermanentMessageException(string message) : Exception(message);
