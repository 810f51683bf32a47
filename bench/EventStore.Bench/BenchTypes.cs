using Npgsql;

namespace ECommerce.EventStore.Bench;

public sealed record ItemAdded(string Sku, int Quantity);

public sealed class Basket
{
    public int Items { get; private set; }

    public void Apply(ItemAdded e) => Items += e.Quantity;
}

/// <summary>Counts events in a table: a projection with a real write per event.</summary>
public sealed class CountingProjection : IAsyncProjection
{
    public const string ProjectionName = "counting";

    public string Name => ProjectionName;

    public async Task ApplyAsync(StoredEvent @event, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO bench_counts (stream_id, events) VALUES ($1, 1) ON CONFLICT (stream_id) DO UPDATE SET events = bench_counts.events + 1",
            transaction.Connection, transaction);
        cmd.Parameters.Add(new NpgsqlParameter { Value = @event.StreamId });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task ResetAsync(NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("DELETE FROM bench_counts", transaction.Connection, transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
