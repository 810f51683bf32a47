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

    public Task<List<StoredEvent>> AllAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, long afterPosition, int maxCount, CancellationToken ct) =>
        QueryAsync(connection, tx, $"{Select} WHERE position > $1 ORDER BY position LIMIT $2", [afterPosition, maxCount], ct);

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
