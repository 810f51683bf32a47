using ECommerce.Contracts;
using ECommerce.Inventory.Api.Stock;
using Npgsql;

namespace ECommerce.Inventory.Api.Reservations;

/// <summary>
/// Reservations in the caller's transaction (the message handler's, so the inbox row and the reply commit with them).
/// Every method first claims or locks the order's reservation row: that row serializes everything done for one order,
/// and its status makes each command idempotent by order id.
/// </summary>
public sealed class ReservationStore(StockStore stock)
{
    /// <summary>The reply to send: <see cref="StockReserved"/>, <see cref="StockReservationFailed"/>, or null after a release.</summary>
    public async Task<object?> ReserveAsync(ReserveStock command, NpgsqlTransaction tx, CancellationToken ct)
    {
        var lines = ReservationDecision.Normalize(command.Lines);
        // PostgreSQL keeps microseconds: the first answer and every replayed one carry the same instant.
        var expiresAt = command.ExpiresAt.ToUniversalTime().AddTicks(-(command.ExpiresAt.Ticks % 10));
        if (!await ClaimAsync(command.OrderId, ReservationStatus.Reserved, expiresAt, tx, ct))
            return await ReplayAsync(command.OrderId, tx, ct);

        var ids = lines.Select(l => l.ProductId).ToArray();
        await stock.EnsureAsync(ids, tx, ct);
        var levels = await LockStockAsync(ids, tx, ct);
        var verdict = ReservationDecision.Decide(lines, levels);
        if (!verdict.CanReserve)
        {
            await ExecuteAsync("UPDATE reservations SET status = 'Failed', short_product_ids = $2 WHERE order_id = $1", tx, ct,
                command.OrderId, verdict.ShortProductIds.ToArray());
            return new StockReservationFailed(command.OrderId, verdict.ShortProductIds);
        }

        var quantities = lines.Select(l => l.Quantity).ToArray();
        await ExecuteAsync(
            """
            UPDATE stock_items s SET reserved = s.reserved + w.quantity, updated_at = now()
            FROM unnest($1::text[], $2::int[]) AS w(product_id, quantity) WHERE s.product_id = w.product_id
            """, tx, ct, ids, quantities);
        await ExecuteAsync(
            "INSERT INTO reservation_lines (order_id, product_id, quantity) SELECT $1, * FROM unnest($2::text[], $3::int[])",
            tx, ct, command.OrderId, ids, quantities);
        return new StockReserved(command.OrderId, expiresAt);
    }

    /// <summary>Gives the held units back (ReleaseStock, OrderCancelled, expiry).</summary>
    public async Task<ReservationStep> ReleaseAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct)
    {
        if (await ClaimAsync(orderId, ReservationStatus.Released, DateTimeOffset.UtcNow, tx, ct)) return ReservationStep.Tombstone;
        var step = ReservationTransitions.Release(await LockStatusAsync(orderId, tx, ct));
        if (step != ReservationStep.Apply) return step;

        await LockReservedStockAsync(orderId, tx, ct);
        await ExecuteAsync(
            """
            UPDATE stock_items s SET reserved = s.reserved - l.quantity, updated_at = now()
            FROM reservation_lines l WHERE l.order_id = $1 AND l.product_id = s.product_id
            """, tx, ct, orderId);
        await SetStatusAsync(orderId, ReservationStatus.Released, tx, ct);
        return step;
    }

    /// <summary>The sale happened (OrderConfirmed): the held units leave on-hand.</summary>
    public async Task<ReservationStep> CommitAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct)
    {
        var step = ReservationTransitions.Commit(await LockStatusAsync(orderId, tx, ct));
        if (step != ReservationStep.Apply) return step;

        await LockReservedStockAsync(orderId, tx, ct);
        await ExecuteAsync(
            """
            UPDATE stock_items s SET on_hand = s.on_hand - l.quantity, reserved = s.reserved - l.quantity, updated_at = now()
            FROM reservation_lines l WHERE l.order_id = $1 AND l.product_id = s.product_id
            """, tx, ct, orderId);
        await SetStatusAsync(orderId, ReservationStatus.Committed, tx, ct);
        return step;
    }

    /// <summary>Inserts the order's reservation row in <paramref name="status"/>; false when the order already has one.</summary>
    private static async Task<bool> ClaimAsync(Guid orderId, ReservationStatus status, DateTimeOffset expiresAt, NpgsqlTransaction tx, CancellationToken ct) =>
        await ExecuteAsync(
            "INSERT INTO reservations (order_id, status, expires_at) VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING",
            tx, ct, orderId, status.ToString(), expiresAt) == 1;

    private static async Task<object?> ReplayAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = Command("SELECT status, expires_at, short_product_ids FROM reservations WHERE order_id = $1", tx, orderId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return Enum.Parse<ReservationStatus>(reader.GetString(0)) switch
        {
            ReservationStatus.Reserved or ReservationStatus.Committed => new StockReserved(orderId, reader.GetFieldValue<DateTimeOffset>(1)),
            ReservationStatus.Failed => new StockReservationFailed(orderId, reader.GetFieldValue<string[]>(2)),
            _ => null,
        };
    }

    private static async Task<ReservationStatus?> LockStatusAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = Command("SELECT status FROM reservations WHERE order_id = $1 FOR UPDATE", tx, orderId);
        return await cmd.ExecuteScalarAsync(ct) is string status ? Enum.Parse<ReservationStatus>(status) : null;
    }

    private static async Task<Dictionary<string, StockLevel>> LockStockAsync(string[] ids, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = Command(
            "SELECT product_id, on_hand, reserved FROM stock_items WHERE product_id = ANY($1) ORDER BY product_id FOR UPDATE", tx, (object)ids);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var levels = new Dictionary<string, StockLevel>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            levels[reader.GetString(0)] = new StockLevel(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2));
        return levels;
    }

    /// <summary>Locks the reservation's stock rows in product-id order, the order every other writer uses.</summary>
    private static async Task LockReservedStockAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct) =>
        await ExecuteAsync(
            """
            SELECT 1 FROM stock_items s JOIN reservation_lines l ON l.product_id = s.product_id
            WHERE l.order_id = $1 ORDER BY s.product_id FOR UPDATE OF s
            """, tx, ct, orderId);

    private static Task<int> SetStatusAsync(Guid orderId, ReservationStatus status, NpgsqlTransaction tx, CancellationToken ct) =>
        ExecuteAsync("UPDATE reservations SET status = $2, updated_at = now() WHERE order_id = $1", tx, ct, orderId, status.ToString());

    private static async Task<int> ExecuteAsync(string sql, NpgsqlTransaction tx, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = Command(sql, tx, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlCommand Command(string sql, NpgsqlTransaction tx, params object[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, tx.Connection, tx);
        foreach (var p in parameters) cmd.Parameters.AddWithValue(p);
        return cmd;
    }
}
