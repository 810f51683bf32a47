using Npgsql;

namespace ECommerce.Messaging;

/// <summary>What a handler knows about the delivery it handles, and how it publishes follow-up messages.</summary>
public sealed class MessageContext
{
    public required string MessageId { get; init; }
    public required string MessageType { get; init; }
    /// <summary>1 on the first delivery, incremented by each retry.</summary>
    public int Attempt { get; init; } = 1;
    public string? CorrelationId { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// With an outbox: the open connection and transaction that hold the inbox row. Write the handler's effect in
    /// them; the library commits, then acks. Null without an outbox (the handler must then be idempotent itself).
    /// </summary>
    public NpgsqlConnection? Connection { get; init; }
    public NpgsqlTransaction? Transaction { get; init; }

    internal Func<MessageEnvelope, CancellationToken, Task> Publisher { get; init; } =
        (_, _) => throw new InvalidOperationException("This context cannot publish.");

    /// <summary>Publishes in the handler's transaction through the outbox (or directly, confirmed, without one).</summary>
    public Task PublishAsync<T>(T message, CancellationToken ct = default) where T : class =>
        Publisher(MessageEnvelope.Create(message, correlationId: CorrelationId), ct);

    /// <summary>Publishes a prepared envelope (for a caller-chosen message id) the same way.</summary>
    public Task PublishAsync(MessageEnvelope envelope, CancellationToken ct = default) => Publisher(envelope, ct);
}
