using System.Text.Json;
using Npgsql;

namespace ECommerce.EventStore;

/// <summary>Turns event rows into <see cref="StoredEvent"/>s (upcasting old types) on whatever connection the caller holds.</summary>
internal sealed class EventReader(EventStoreSchema schema, EventStoreOptions options)
{
    private string Select => $"SELECT stream_id, version, position, type, type_version, data, metadata, timestamp, event_id FROM {schema.Events}";

    public Task<List<StoredEvent>> StreamAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string streamId, long fromVersion, long toVersion, CancellationToken ct) =>
        QueryAsync(connection, tx, $"{Select} WHERE stream_id = $1 AND version BETWEEN $2 AND $3 ORDER BY version",
            [streamId, Math.Max(fromVersion, 1), toVersion], ct);

    /// <param name="upTo">A safe head (<see cref="SafeHeadAsync"/>): reading past it could skip an append in flight.</param>
    public Task<List<StoredEvent>> AllAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, long afterPosition, long upTo, int maxCount, CancellationToken ct) =>
        QueryAsync(connection, tx, $"{Select} WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3", [afterPosition, upTo, maxCount], ct);

    /// <summary>
    /// The highest position at or below which every event that will ever be visible already is: taken under the
    /// append lock held exclusively, so no append is in flight at that instant. Call it outside a transaction (the lock
    /// is released when the statement ends). Null when <paramref name="lockTimeout"/> ran out (appends are
    /// holding the lock, e.g. a long caller transaction): try again later.
    /// </summary>
    /// <param name="lockTimeout">A PostgreSQL interval ("250ms").</param>
    public async Task<long?> SafeHeadAsync(NpgsqlConnection connection, string lockTimeout, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {schema.Name}.safe_head($1)", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = lockTimeout });
        try
        {
            return (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return null;
        }
    }

    /// <summary>
    /// The safe head, waiting for appends in flight however long they take, but in short tries: while a try queues
    /// for the lock new appends queue behind it, so between tries they get through.
    /// </summary>
    public async Task<long> SafeHeadPatientlyAsync(NpgsqlConnection connection, TimeSpan patience, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (await SafeHeadAsync(connection, "250ms", ct) is { } head) return head;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Appends held the event store's append lock for over {patience.TotalSeconds:F0} s (a long transaction?).");
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }
    }

    private async Task<List<StoredEvent>> QueryAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, object[] args, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var arg in args) cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(ct))
        {
            var type = reader.GetString(3);
            var typeVersion = reader.GetInt32(4);
            var data = options.Events.Deserialize(type, typeVersion, reader.GetString(5), options.Json);
            events.Add(new StoredEvent(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                options.Events.CurrentNameOf(data.GetType()) ?? type,
                data,
                reader.GetFieldValue<DateTimeOffset>(7),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6), options.Json) ?? [])
            {
                EventId = reader.GetGuid(8),
                StoredType = type,
                StoredTypeVersion = typeVersion,
            });
        }
        return events;
    }
}
