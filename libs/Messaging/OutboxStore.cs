using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.Messaging;

/// <summary>
/// Writes outbox rows in the caller's transaction. The NOTIFY in the same transaction is delivered only if it
/// commits, so the relay wakes at once for committed rows and never for rolled-back ones.
/// </summary>
internal sealed class OutboxStore(MessagingDatabase database) : IOutbox
{
    private const string Insert = $"""
        INSERT INTO {MessagingDatabase.OutboxTable} (message_id, message_type, body, headers) VALUES (@id, @type, @body, @headers);
        SELECT pg_notify('{MessagingDatabase.NotifyChannel}', '');
        """;

    public Task EnqueueAsync<T>(T message, NpgsqlTransaction transaction, CancellationToken ct = default) where T : class =>
        EnqueueAsync(MessageEnvelope.Create(message), transaction, ct);

    public async Task EnqueueAsync(MessageEnvelope envelope, NpgsqlTransaction transaction, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The transaction is already completed.");
        await database.EnsureSchemaAsync(ct);
        await using var cmd = new NpgsqlCommand(Insert, connection, transaction);
        cmd.Parameters.AddWithValue("id", envelope.MessageId);
        cmd.Parameters.AddWithValue("type", envelope.MessageType);
        cmd.Parameters.AddWithValue("body", Encoding.UTF8.GetString(envelope.Body));
        cmd.Parameters.AddWithValue("headers", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(envelope.Headers));
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
