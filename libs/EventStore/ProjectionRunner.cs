using Npgsql;

namespace ECommerce.EventStore;

/// <summary>One async-projection batch, and rebuilds: the checkpoint row's lock orders them against each other.</summary>
internal sealed class ProjectionRunner(EventStoreDataSource dataSource, EventStoreSchema schema, EventStoreOptions options, EventReader reader)
{
    /// <returns>Events applied; null when another runner holds the projection (only with <paramref name="skipLocked"/>).</returns>
    /// <summary>
    /// How long a daemon batch queues for the append lock to learn the safe head; while it queues, new appends queue
    /// behind it, so it gives up quickly (a long caller transaction is holding the lock) and retries when woken.
    /// </summary>
    private const string DaemonLockTimeout = "250ms";

    public async Task<int?> RunBatchAsync(IAsyncProjection projection, bool skipLocked, CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        await using var connection = await dataSource.Value.OpenConnectionAsync(ct);
        await EnsureRowAsync(connection, projection.Name, ct);
        var head = skipLocked
            ? await reader.SafeHeadAsync(connection, DaemonLockTimeout, ct)
            : await reader.SafeHeadPatientlyAsync(connection, TimeSpan.FromMinutes(5), ct);
        if (head is null) return 0;
        await using var tx = await connection.BeginTransactionAsync(ct);
        var checkpoint = await LockAsync(connection, tx, projection.Name, skipLocked, ct);
        if (checkpoint is null) return null;
        var events = await reader.AllAsync(connection, tx, checkpoint.Value, head.Value, options.DaemonBatchSize, ct);
        if (events.Count == 0) return 0;
        using var activity = PostgresEventStore.ActivitySource.StartActivity("eventstore project");
        activity?.SetTag("eventstore.projection", projection.Name);
        activity?.SetTag("eventstore.events", events.Count);
        activity?.SetTag("eventstore.position", events[^1].GlobalPosition);
        foreach (var @event in events) await projection.ApplyAsync(@event, tx, ct);
        await SetAsync(connection, tx, projection.Name, events[^1].GlobalPosition, ct);
        await tx.CommitAsync(ct);
        return events.Count;
    }

    public async Task RebuildAsync(IAsyncProjection projection, CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        await using (var connection = await dataSource.Value.OpenConnectionAsync(ct))
        {
            await EnsureRowAsync(connection, projection.Name, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await LockAsync(connection, tx, projection.Name, skipLocked: false, ct);   // waits for a running batch
            await projection.ResetAsync(tx, ct);
            await SetAsync(connection, tx, projection.Name, 0, ct);
            await tx.CommitAsync(ct);
        }
        while (await RunBatchAsync(projection, skipLocked: false, ct) > 0) { }
    }

    public async Task<long> GetCheckpointAsync(string name, CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        await using var cmd = dataSource.Value.CreateCommand($"SELECT position FROM {schema.Checkpoints} WHERE name = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        return await cmd.ExecuteScalarAsync(ct) is long position ? position : 0;
    }

    private async Task EnsureRowAsync(NpgsqlConnection connection, string name, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"INSERT INTO {schema.Checkpoints} (name) VALUES ($1) ON CONFLICT DO NOTHING", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<long?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string name, bool skipLocked, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"SELECT position FROM {schema.Checkpoints} WHERE name = $1 FOR UPDATE{(skipLocked ? " SKIP LOCKED" : "")}", connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        return await cmd.ExecuteScalarAsync(ct) as long?;
    }

    private async Task SetAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string name, long position, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"UPDATE {schema.Checkpoints} SET position = $2, updated_at = now() WHERE name = $1", connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        cmd.Parameters.Add(new NpgsqlParameter { Value = position });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
