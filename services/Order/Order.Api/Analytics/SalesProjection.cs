using ECommerce.EventStore;
using ECommerce.Order.Api.Domain.Events;
using Npgsql;

namespace ECommerce.Order.Api.Analytics;

/// <summary>
/// Confirmed orders and revenue per hour of confirmation, asynchronously: the daemon feeds events after they commit
/// and advances the checkpoint in the same transaction, so each event counts once and the table can be rebuilt.
/// </summary>
public sealed class SalesProjection : IAsyncProjection
{
    public const string ProjectionName = "sales";

    public string Name => ProjectionName;

    public async Task ApplyAsync(StoredEvent @event, NpgsqlTransaction transaction, CancellationToken ct)
    {
        if (@event.Data is not OrderConfirmed confirmed) return;
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO sales_by_hour (bucket, orders, revenue) VALUES (date_trunc('hour', @at, 'UTC'), 1, @total)
            ON CONFLICT (bucket) DO UPDATE SET orders = sales_by_hour.orders + 1, revenue = sales_by_hour.revenue + excluded.revenue
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("at", confirmed.ConfirmedAt.UtcDateTime);
        command.Parameters.AddWithValue("total", confirmed.Total);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ResetAsync(NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("DELETE FROM sales_by_hour", transaction.Connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
