using Npgsql;

namespace ECommerce.EventStore.Tests;

/// <summary>
/// Async: every deposit once (the event id is the key, so applying one twice fails the batch); each application is
/// also logged without a key, so a test can count them.
/// </summary>
public sealed class DepositsProjection : IAsyncProjection
{
    public const string ProjectionName = "deposits";

    public string Name => ProjectionName;

    public async Task ApplyAsync(StoredEvent @event, NpgsqlTransaction transaction, CancellationToken ct)
    {
        if (@event.Data is not Deposited deposited) return;
        await using var cmd = new NpgsqlCommand("""
            WITH logged AS (INSERT INTO deposit_applications (event_id) VALUES ($1))
            INSERT INTO deposits_seen (event_id, stream_id, amount, position) VALUES ($1, $2, $3, $4)
            """, transaction.Connection, transaction);
        cmd.Parameters.Add(new NpgsqlParameter { Value = @event.EventId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = @event.StreamId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = deposited.Amount });
        cmd.Parameters.Add(new NpgsqlParameter { Value = @event.GlobalPosition });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task ResetAsync(NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("DELETE FROM deposits_seen", transaction.Connection, transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
