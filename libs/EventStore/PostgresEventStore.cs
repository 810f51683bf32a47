using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.EventStore;

/// <summary>
/// Appends under a transaction-level advisory lock, so global positions become visible in the order they were
/// assigned (see docs/event-sourcing.md, "Global order"); the stream row is locked and checked against the expected
/// version; inline projections and due snapshots run in the same transaction.
/// </summary>
internal sealed class PostgresEventStore(
    EventStoreDataSource dataSource, EventStoreSchema schema, EventStoreOptions options, EventReader reader,
    SnapshotStore snapshots, IServiceProvider services) : IEventStore
{
    public static readonly ActivitySource ActivitySource = new("ECommerce.EventStore");

    private readonly IInlineProjection[] _inline = options.Projections.Registrations
        .Where(r => r.Lifecycle == ProjectionLifecycle.Inline)
        .Select(r => (IInlineProjection)(r.Instance ?? services.GetRequiredService(r.Type)))
        .ToArray();

    public async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var connection = await dataSource.Value.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var version = await AppendAsync(streamId, expectedVersion, events, tx, ct);
        await tx.CommitAsync(ct);
        return version;
    }

    public async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, NpgsqlTransaction transaction, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedVersion, ExpectedVersion.Any);
        if (events.Count == 0) throw new ArgumentException("Append at least one event.", nameof(events));
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has already completed.");
        var names = events.Select(e => options.Events.NameOf(e.GetType())).ToArray();
        var metadata = EventMetadata.Capture();
        await schema.EnsureAsync(ct);

        using var activity = ActivitySource.StartActivity("eventstore append");
        activity?.SetTag("eventstore.stream", streamId);
        activity?.SetTag("eventstore.events", events.Count);

        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({schema.AppendLockKey})", ct);
        var current = await CurrentVersionAsync(connection, transaction, streamId, forUpdate: true, ct);
        if (expectedVersion != ExpectedVersion.Any && expectedVersion != current)
            throw new WrongExpectedVersionException(streamId, expectedVersion, current);

        var stored = await InsertAsync(connection, transaction, streamId, current, events, names, metadata, ct);
        var newVersion = current + events.Count;
        await snapshots.WriteDueAsync(connection, transaction, streamId, current, newVersion, events, ct);
        foreach (var projection in _inline) await projection.ApplyAsync(stored, transaction, ct);
        activity?.SetTag("eventstore.version", newVersion);
        return newVersion;
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, long toVersion = long.MaxValue, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var connection = await dataSource.Value.OpenConnectionAsync(ct);
        return await reader.StreamAsync(connection, null, streamId, fromVersion, toVersion, ct);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition = 0, int maxCount = 1000, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var connection = await dataSource.Value.OpenConnectionAsync(ct);
        return await reader.AllAsync(connection, null, afterPosition, maxCount, ct);
    }

    public async Task<T?> AggregateStreamAsync<T>(string streamId, long toVersion = long.MaxValue, CancellationToken ct = default) where T : class, new()
    {
        await schema.EnsureAsync(ct);
        await using var connection = await dataSource.Value.OpenConnectionAsync(ct);
        return await snapshots.AggregateAsync<T>(connection, null, streamId, toVersion, ct);
    }

    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var connection = await dataSource.Value.OpenConnectionAsync(ct);
        return await CurrentVersionAsync(connection, null, streamId, forUpdate: false, ct);
    }

    private async Task<long> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string streamId, bool forUpdate, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT version FROM {schema.Streams} WHERE id = $1{(forUpdate ? " FOR UPDATE" : "")}", connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return await cmd.ExecuteScalarAsync(ct) is long version ? version : 0;
    }

    private async Task<List<StoredEvent>> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, string streamId, long current, IReadOnlyList<object> events,
        EventTypeName[] names, Dictionary<string, string> metadata, CancellationToken ct)
    {
        var metadataJson = JsonSerializer.Serialize(metadata, options.Json);
        await using (var upsert = new NpgsqlCommand(
            $"""
            WITH upsert AS (
                INSERT INTO {schema.Streams} (id, version) VALUES ($1, $2)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, updated_at = now()
                RETURNING id)
            SELECT pg_notify($3, id) FROM upsert
            """, connection, tx))
        {
            // The notification is delivered on commit only, and wakes the projection daemons listening on the channel.
            upsert.Parameters.Add(new NpgsqlParameter { Value = streamId });
            upsert.Parameters.Add(new NpgsqlParameter { Value = current + events.Count });
            upsert.Parameters.Add(new NpgsqlParameter { Value = schema.NotifyChannel });
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await using var batch = new NpgsqlBatch(connection, tx);
        var ids = new Guid[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            ids[i] = Guid.CreateVersion7();
            batch.BatchCommands.Add(Command(
                $"""
                INSERT INTO {schema.Events} (event_id, stream_id, version, type, type_version, data, metadata)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING position, timestamp
                """,
                ids[i], streamId, current + i + 1, names[i].Name, names[i].Version,
                Json(JsonSerializer.Serialize(events[i], events[i].GetType(), options.Json)), Json(metadataJson)));
        }

        var stored = new List<StoredEvent>(events.Count);
        try
        {
            await using var rows = await batch.ExecuteReaderAsync(ct);
            for (var i = 0; i < events.Count; i++)
            {
                if (i > 0) await rows.NextResultAsync(ct);
                await rows.ReadAsync(ct);
                stored.Add(new StoredEvent(streamId, current + i + 1, rows.GetInt64(0), names[i].Name, events[i],
                    rows.GetFieldValue<DateTimeOffset>(1), metadata) { EventId = ids[i], StoredType = names[i].Name, StoredTypeVersion = names[i].Version });
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "events_stream_version")
        {
            // Unreachable while every writer takes the append lock; kept so a foreign writer still cannot fork a stream.
            throw new WrongExpectedVersionException(streamId, current, -1);
        }
        return stored;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] args)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var arg in args) command.Parameters.Add(arg as NpgsqlParameter ?? new NpgsqlParameter { Value = arg });
        return command;
    }

    private static NpgsqlParameter Json(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
