using Npgsql;

namespace ECommerce.Messaging;

/// <summary>
/// Stores an outgoing message in the caller's transaction, so it is published if and only if the state change
/// commits. The relay publishes it after the commit.
/// </summary>
public interface IOutbox
{
    Task EnqueueAsync<T>(T message, NpgsqlTransaction transaction, CancellationToken ct = default) where T : class;

    /// <summary>For callers that set the message id (for example to make a retried command the same message).</summary>
    Task EnqueueAsync(MessageEnvelope envelope, NpgsqlTransaction transaction, CancellationToken ct = default);
}
