using System.Text.Json;
using ECommerce.EventStore;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Domain.Events;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.Order.Api.Orders;

/// <summary>
/// Keeps the <c>orders</c> table in step with the streams, inline: in the transaction that appends, so a read after
/// a write sees it and the timeout worker's deadline row exists as soon as the order does.
/// </summary>
public sealed class OrderSummaryProjection : IInlineProjection
{
    public async Task ApplyAsync(IReadOnlyList<StoredEvent> events, NpgsqlTransaction transaction, CancellationToken ct)
    {
        foreach (var stored in events)
        {
            await using var command = stored.Data switch
            {
                OrderPlaced e => Insert(e, stored.Version),
                OrderStockReserved => Update(stored, OrderStatus.StockReserved),
                OrderConfirmed => Update(stored, OrderStatus.Confirmed),
                OrderCancelled e => Update(stored, OrderStatus.Cancelled, e.Reason),
                _ => Update(stored, status: null),
            };
            command.Connection = transaction.Connection;
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static NpgsqlCommand Insert(OrderPlaced e, long version)
    {
        var command = new NpgsqlCommand(
            """
            INSERT INTO orders (id, user_id, status, items, total, currency, created_at, updated_at, deadline, version)
            VALUES (@id, @user, @status, @items, @total, @currency, @at, @at, @deadline, @version)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", e.OrderId);
        command.Parameters.AddWithValue("user", e.UserId);
        command.Parameters.AddWithValue("status", nameof(OrderStatus.Pending));
        command.Parameters.AddWithValue("items", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(OrderItem.From(e.Lines), JsonSerializerOptions.Web));
        command.Parameters.AddWithValue("total", e.Total);
        command.Parameters.AddWithValue("currency", e.Currency);
        command.Parameters.AddWithValue("at", e.PlacedAt);
        command.Parameters.AddWithValue("deadline", e.Deadline);
        command.Parameters.AddWithValue("version", version);
        return command;
    }

    private static NpgsqlCommand Update(StoredEvent stored, OrderStatus? status, CancellationReason? reason = null)
    {
        var command = new NpgsqlCommand(
            """
            UPDATE orders SET status = coalesce(@status, status), failure_reason = coalesce(@reason, failure_reason),
                updated_at = @at, version = @version
            WHERE id = @id AND version < @version
            """);
        command.Parameters.AddWithValue("id", OrderIdOf(stored.StreamId));
        command.Parameters.Add(new NpgsqlParameter<string?>("status", NpgsqlDbType.Text) { TypedValue = status?.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string?>("reason", NpgsqlDbType.Text) { TypedValue = reason?.ToString() });
        command.Parameters.AddWithValue("at", stored.Timestamp);
        command.Parameters.AddWithValue("version", stored.Version);
        return command;
    }

    private static Guid OrderIdOf(string streamId) => Guid.ParseExact(streamId["order-".Length..], "N");
}
