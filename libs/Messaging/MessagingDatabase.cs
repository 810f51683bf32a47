using Npgsql;

namespace ECommerce.Messaging;

/// <summary>
/// The database holding this service's outbox and inbox. The library creates its two tables on first use
/// (under an advisory lock, so instances starting together do not race).
/// </summary>
internal sealed class MessagingDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public const string OutboxTable = "messaging_outbox";
    public const string InboxTable = "messaging_inbox";
    public const string NotifyChannel = "messaging_outbox";

    private const string Schema = $"""
        SELECT pg_advisory_xact_lock(7423190551);
        CREATE TABLE IF NOT EXISTS {OutboxTable} (
            seq          bigserial   PRIMARY KEY,
            message_id   text        NOT NULL,
            message_type text        NOT NULL,
            body         text        NOT NULL,
            headers      jsonb       NOT NULL,
            created_at   timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS {InboxTable} (
            message_id   text        NOT NULL,
            consumer     text        NOT NULL,
            handled_at   timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (message_id, consumer));
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public NpgsqlDataSource DataSource => dataSource;

    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        if (_ready) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_ready) return;
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using (var cmd = new NpgsqlCommand(Schema, connection, tx)) await cmd.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
