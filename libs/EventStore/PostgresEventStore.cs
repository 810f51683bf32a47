using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.EventStore;

/// <summary>
/// Appends through the schema's <c>append_events</c> function: one round trip takes the append lock shared (readers of
/// the global order use it to never pass an append in flight, see docs/event-sourcing.md, "Global order"), locks and
/// checks the stream row against the expected version, and inserts. Inline projections and due
/// snapshots follow in the same transaction.
/// </summary>
internal sealed class PostgresEventStore(
    EventStoreDataSource dataSource, EventStoreSchema schema, EventStoreOptions options, EventReader reader,
    SnapshotStore snapshots, IServiceProvider services) : IEventStore
{
    public static readonly ActivitySource ActivitySource = new(EventStoreDiagnostics.ActivitySourceName);

    private readonly IInlineProjection[] _inline = options.Projections.Registrations
        .Where(r => r.Lifecycle == ProjectionLifecycle.Inline)
        .Select(r => (IInlineProjection)(r.Instance ?? services.GetRequiredService(r.Type)))
        .ToArray();

    public async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default)
    {
        var append = Prepare(streamId, expectedVersion, events);
        await schema.EnsureAsync(ct);
        using var activity = StartActivity(append);
        await using var connection = await dataSource.Value.OpenConnectionAsync(ct);
        if (_inline.Length == 0 && options.SnapshotPolicies.Count == 0)
        {
            // A lone statement is its own transaction: one round trip.
            var written = await WriteAsync(connection, null, append, ct);
            return written[^1].Version;
        }
        await using var tx = await connection.BeginTransactionAsync(ct);
        var version = await AppendInTransactionAsync(append, tx, ct);
        await tx.CommitAsync(ct);
        return version;
    }

    public async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, NpgsqlTransaction transaction, CancellationToken ct = default)
    {
        var append = Prepare(streamId, expectedVersion, events);
        await schema.EnsureAsync(ct);
        using var activity = StartActivity(append);
        return await AppendInTransactionAsync(append, transaction, ct);
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
        var head = await reader.SafeHeadPatientlyAsync(connection, TimeSpan.FromSeconds(30), ct);
        return await reader.AllAsync(connection, null, afterPosition, head, maxCount, ct);
    }

    public async Task<T?> AggregateStreamAsync<T>(string streamId, long toVersion = long.MaxValue, CancellationToken ct = default) where T : class, new()
    {
        await schema.EnsureAsync(ct);
        await using var connection = await dataSource.Value.OpenConnectionAsync(ct);
        return await snapshots.AggregateAsync<T>(connection, null, streamId, toVersion, ct);
    }

    public async Task<T?> AggregateStreamAsync<T>(string streamId, NpgsqlTransaction transaction, long toVersion = long.MaxValue, CancellationToken ct = default)
        where T : class, new()
    {
        await schema.EnsureAsync(ct);
        return await snapshots.AggregateAsync<T>(Connection(transaction), transaction, streamId, toVersion, ct);
    }

    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var cmd = dataSource.Value.CreateCommand($"SELECT version FROM {schema.Streams} WHERE id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return await cmd.ExecuteScalarAsync(ct) is long version ? version : 0;
    }

    private async Task<long> AppendInTransactionAsync(Append append, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var connection = Connection(transaction);
        var written = await WriteAsync(connection, transaction, append, ct);
        var version = written[^1].Version;
        await snapshots.WriteDueAsync(connection, transaction, append.StreamId, version - written.Count, version, append.Events, ct);
        foreach (var projection in _inline) await projection.ApplyAsync(written, transaction, ct);
        return version;
    }

    private async Task<List<StoredEvent>> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Append append, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT out_position, out_version, out_timestamp FROM {schema.Name}.append_events($1, $2, $3, $4, $5, $6, $7)", connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = append.StreamId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = append.ExpectedVersion });
        cmd.Parameters.Add(new NpgsqlParameter { Value = append.Ids });
        cmd.Parameters.Add(new NpgsqlParameter { Value = append.Names.Select(n => n.Name).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = append.Names.Select(n => n.Version).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = append.Payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new NpgsqlParameter { Value = append.MetadataJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        var written = new List<StoredEvent>(append.Events.Count);
        await using (var rows = await cmd.ExecuteReaderAsync(ct))
        {
            while (await rows.ReadAsync(ct))
            {
                if (rows.GetInt64(0) < 0) throw new WrongExpectedVersionException(append.StreamId, append.ExpectedVersion, rows.GetInt64(1));
                var i = written.Count;
                written.Add(new StoredEvent(append.StreamId, rows.GetInt64(1), rows.GetInt64(0), append.Names[i].Name, append.Events[i],
                    rows.GetFieldValue<DateTimeOffset>(2), append.Metadata)
                {
                    EventId = append.Ids[i], StoredType = append.Names[i].Name, StoredTypeVersion = append.Names[i].Version,
                });
            }
        }
        Activity.Current?.SetTag("eventstore.version", written[^1].Version);
        return written;
    }

    /// <summary>Everything that needs no database is done before the lock is taken.</summary>
    private Append Prepare(string streamId, long expectedVersion, IReadOnlyList<object> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedVersion, ExpectedVersion.Any);
        if (events.Count == 0) throw new ArgumentException("Append at least one event.", nameof(events));
        var metadata = EventMetadata.Capture();
        return new Append(
            streamId, expectedVersion, events,
            events.Select(e => options.Events.NameOf(e.GetType())).ToArray(),
            events.Select(e => JsonSerializer.Serialize(e, e.GetType(), options.Json)).ToArray(),
            events.Select(_ => Guid.CreateVersion7()).ToArray(),
            metadata, JsonSerializer.Serialize(metadata, options.Json));
    }

    private static Activity? StartActivity(Append append)
    {
        var activity = ActivitySource.StartActivity("eventstore append");
        activity?.SetTag("eventstore.stream", append.StreamId);
        activity?.SetTag("eventstore.events", append.Events.Count);
        return activity;
    }

    private static NpgsqlConnection Connection(NpgsqlTransaction transaction) =>
        transaction.Connection ?? throw new InvalidOperationException("The transaction has already completed.");

    private sealed record Append(
        string StreamId, long ExpectedVersion, IReadOnlyList<object> Events, EventTypeName[] Names, string[] Payloads, Guid[] Ids,
        Dictionary<string, string> Metadata, string MetadataJson);
}
