using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ECommerce.Messaging;

/// <summary>
/// Calls a handler. With an outbox: in one transaction that first records (message id, handler) in the inbox; if the
/// row already exists the message was handled before and the handler is not called. The effect, the inbox row and
/// any outgoing messages commit together or not at all.
/// </summary>
internal sealed class InboxHandlerInvoker(
    MessagingOptions options, IServiceScopeFactory scopes, RabbitMqPublisher publisher,
    MessagingDatabase? database = null, OutboxStore? outbox = null)
{
    private const string RecordInbox = $"""
        INSERT INTO {MessagingDatabase.InboxTable} (message_id, consumer) VALUES (@id, @consumer) ON CONFLICT DO NOTHING
        """;

    /// <returns>False when the inbox says the message was already handled.</returns>
    public async Task<bool> InvokeAsync(HandlerRegistration registration, object message, MessageEnvelope envelope, int attempt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (database is null || outbox is null)
        {
            await registration.Invoke(scope.ServiceProvider, message, Context(envelope, attempt, null, null, publisher.PublishAsync), ct);
            return true;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var record = new NpgsqlCommand(RecordInbox, connection, tx))
        {
            record.Parameters.AddWithValue("id", envelope.MessageId);
            record.Parameters.AddWithValue("consumer", registration.InboxKey(options.ServiceName));
            if (await record.ExecuteNonQueryAsync(ct) == 0)
            {
                await tx.RollbackAsync(ct);
                return false;
            }
        }
        var context = Context(envelope, attempt, connection, tx, (outgoing, token) => outbox.EnqueueAsync(outgoing, tx, token));
        await registration.Invoke(scope.ServiceProvider, message, context, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static MessageContext Context(
        MessageEnvelope envelope, int attempt, NpgsqlConnection? connection, NpgsqlTransaction? tx,
        Func<MessageEnvelope, CancellationToken, Task> publish) => new()
    {
        MessageId = envelope.MessageId,
        MessageType = envelope.MessageType,
        Attempt = attempt,
        CorrelationId = envelope.CorrelationId,
        Headers = envelope.Headers,
        Connection = connection,
        Transaction = tx,
        Publisher = publish,
    };
}
