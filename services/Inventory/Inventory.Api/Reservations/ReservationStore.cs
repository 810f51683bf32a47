using Dapper;
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
        var orderId = command.OrderId;
        if (!await ClaimAsync(orderId, ReservationStatus.Reserved, expiresAt, tx, ct))
            return await ReplayAsync(orderId, tx, ct);

        var ids = lines.Select(l => l.ProductId).ToArray();
        await stock.EnsureAsync(ids, tx, ct);
        var levels = await LockStockAsync(ids, tx, ct);
        var verdict = ReservationDecision.Decide(lines, levels);
        if (!verdict.CanReserve)
        {
            await ExecuteAsync("UPDATE reservations SET status = 'Failed', short_product_ids = @shortIds WHERE order_id = @orderId",
                new { orderId, shortIds = verdict.ShortProductIds.ToArray() }, tx, ct);
            return new StockReservationFailed(orderId, verdict.ShortProductIds);
        }

        var quantities = lines.Select(l => l.Quantity).ToArray();
        await ExecuteAsync(
            """
            UPDATE stock_items s SET reserved = s.reserved + w.quantity, updated_at = now()
            FROM unnest(@ids::text[], @quantities::int[]) AS w(product_id, quantity) WHERE s.product_id = w.product_id
            """, new { ids, quantities }, tx, ct);
        await ExecuteAsync(
            "INSERT INTO reservation_lines (order_id, product_id, quantity) SELECT @orderId, * FROM unnest(@ids::text[], @quantities::int[])",
            new { orderId, ids, quantities }, tx, ct);
        return new StockReserved(orderId, expiresAt);
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
            FROM reservation_lines l WHERE l.order_id = @orderId AND l.product_id = s.product_id
            """, new { orderId }, tx, ct);
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
            FROM reservation_lines l WHERE l.order_id = @orderId AND l.product_id = s.product_id
            """, new { orderId }, tx, ct);
        await SetStatusAsync(orderId, ReservationStatus.Committed, tx, ct);
        return step;
    }

    /// <summary>Inserts the order's reservation row in <paramref name="status"/>; false when the order already has one.</summary>
    private static async Task<bool> ClaimAsync(Guid orderId, ReservationStatus status, DateTimeOffset expiresAt, NpgsqlTransaction tx, CancellationToken ct) =>
        await ExecuteAsync(
            "INSERT INTO reservations (order_id, status, expires_at) VALUES (@orderId, @status, @expiresAt) ON CONFLICT (order_id) DO NOTHING",
            new { orderId, status = status.ToString(), expiresAt }, tx, ct) == 1;

    private static async Task<object?> ReplayAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct)
    {
        var row = await tx.Connection!.QuerySingleAsync<StoredReservation>(new CommandDefinition(
            "SELECT status AS Status, expires_at AS ExpiresAt, short_product_ids AS ShortProductIds FROM reservations WHERE order_id = @orderId",
            new { orderId }, tx, cancellationToken: ct));
        return row.Status switch
        {
            ReservationStatus.Reserved or ReservationStatus.Committed => new StockReserved(orderId, row.ExpiresAt),
            ReservationStatus.Failed => new StockReservationFailed(orderId, row.ShortProductIds),
            _ => null,
        };
    }

    private static async Task<ReservationStatus?> LockStatusAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct) =>
        await tx.Connection!.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT status FROM reservations WHERE order_id = @orderId FOR UPDATE", new { orderId }, tx, cancellationToken: ct)) is { } status
            ? Enum.Parse<ReservationStatus>(status)
            : null;

    private static async Task<Dictionary<string, StockLevel>> LockStockAsync(string[] ids, NpgsqlTransaction tx, CancellationToken ct)
    {
        var levels = await tx.Connection!.QueryAsync<StockLevel>(new CommandDefinition(
            """
            SELECT product_id AS ProductId, on_hand AS OnHand, reserved AS Reserved FROM stock_items
            WHERE product_id = ANY(@ids) ORDER BY product_id FOR UPDATE
            """, new { ids }, tx, cancellationToken: ct));
        return levels.ToDictionary(l => l.ProductId, StringComparer.Ordinal);
    }

    /// <summary>Locks the reservation's stock rows in product-id order, the order every other writer uses.</summary>
    private static Task<int> LockReservedStockAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct) =>
        ExecuteAsync(
            """
            SELECT 1 FROM stock_items s JOIN reservation_lines l ON l.product_id = s.product_id
            WHERE l.order_id = @orderId ORDER BY s.product_id FOR UPDATE OF s
            """, new { orderId }, tx, ct);

    private static Task<int> SetStatusAsync(Guid orderId, ReservationStatus status, NpgsqlTransaction tx, CancellationToken ct) =>
        ExecuteAsync("UPDATE reservations SET status = @status, updated_at = now() WHERE order_id = @orderId",
            new { orderId, status = status.ToString() }, tx, ct);

    private static Task<int> ExecuteAsync(string sql, object parameters, NpgsqlTransaction tx, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition(sql, parameters, tx, cancellationToken: ct));

    /// <summary>Mapped by property: Npgsql reports a text[] column as <see cref="Array"/>, which no constructor signature matches.</summary>
    private sealed class StoredReservation
    {
        public ReservationStatus Status { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public string[] ShortProductIds { get; init; } = [];
    }
}
