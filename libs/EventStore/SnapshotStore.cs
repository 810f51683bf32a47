using System.Reflection;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.EventStore;

/// <summary>
/// Folds aggregates from their newest usable snapshot, and writes snapshots in the append transaction when a stream
/// crosses a multiple of the configured interval (so a snapshot is never ahead of committed events).
/// </summary>
internal sealed class SnapshotStore(EventStoreSchema schema, EventStoreOptions options, EventReader reader)
{
    private static readonly MethodInfo WriteMethod = typeof(SnapshotStore).GetMethod(nameof(WriteAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly MethodInfo HandlesMethod = typeof(SnapshotStore).GetMethod(nameof(Handles), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly JsonSerializerOptions _json = SnapshotJson.Create(options.Json);

    public async Task<T?> AggregateAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? tx, string streamId, long toVersion, CancellationToken ct)
        where T : class, new()
    {
        if (toVersion < 1) return null;
        T? state = null;
        long from = 1;
        if (options.SnapshotPolicies.TryGetValue(typeof(T), out var policy))
        {
            await using var cmd = new NpgsqlCommand(
                $"""
                SELECT version, data FROM {schema.Snapshots}
                WHERE stream_id = $1 AND aggregate_type = $2 AND schema_version = $3 AND version <= $4
                ORDER BY version DESC LIMIT 1
                """, connection, tx);
            cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = policy.TypeName });
            cmd.Parameters.Add(new NpgsqlParameter { Value = policy.Version });
            cmd.Parameters.Add(new NpgsqlParameter { Value = toVersion });
            await using var row = await cmd.ExecuteReaderAsync(ct);
            if (await row.ReadAsync(ct) && TryRead<T>(row.GetString(1)) is { } snapshot)
            {
                state = snapshot;
                from = row.GetInt64(0) + 1;
                AggregateFolder<T>.SetVersion(state, from - 1);
            }
        }
        var events = await reader.StreamAsync(connection, tx, streamId, from, toVersion, ct);
        if (state is null && events.Count == 0) return null;
        state ??= new T();
        foreach (var @event in events) AggregateFolder<T>.Apply(state, @event);
        return state;
    }

    /// <summary>A snapshot that no longer deserializes is only a lost shortcut: fold from the events instead.</summary>
    private T? TryRead<T>(string json) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, _json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task WriteDueAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string streamId, long before, long after, IReadOnlyList<object> events, CancellationToken ct)
    {
        foreach (var policy in options.SnapshotPolicies.Values)
        {
            // A stream belongs to the aggregates that apply its events: that is how the store knows what to snapshot.
            if (!policy.IsDue(before, after)) continue;
            var handles = (Func<Type, bool>)HandlesMethod.MakeGenericMethod(policy.AggregateType).CreateDelegate(typeof(Func<Type, bool>));
            if (!events.Any(e => handles(e.GetType()))) continue;
            await (Task)WriteMethod.MakeGenericMethod(policy.AggregateType).Invoke(this, [connection, tx, streamId, policy, after, ct])!;
        }
    }

    private static bool Handles<T>(Type eventType) where T : class => AggregateFolder<T>.Handles(eventType);

    private async Task WriteAsync<T>(NpgsqlConnection connection, NpgsqlTransaction tx, string streamId, SnapshotPolicy policy, long version, CancellationToken ct)
        where T : class, new()
    {
        var state = await AggregateAsync<T>(connection, tx, streamId, version, ct);
        if (state is null) return;
        await using var cmd = new NpgsqlCommand(
            $"""
            INSERT INTO {schema.Snapshots} (stream_id, aggregate_type, schema_version, version, data)
            VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
            """, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = policy.TypeName });
        cmd.Parameters.Add(new NpgsqlParameter { Value = policy.Version });
        cmd.Parameters.Add(new NpgsqlParameter { Value = version });
        cmd.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(state, _json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
