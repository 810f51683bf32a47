using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Inventory.Api.Stock;

/// <summary>The <c>stock_items</c> table: lazy seeding, reads and the admin's on-hand updates.</summary>
public sealed class StockStore(NpgsqlDataSource dataSource, IOptions<InventoryOptions> options)
{
    private int DefaultOnHand => options.Value.DefaultOnHand;

    /// <summary>Reads first and seeds only when the product is new: the product page asks for stock on every view.</summary>
    public async Task<StockLevel> GetAsync(string productId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (await ReadAsync(productId, connection, null, ct) is { } level) return level;
        await using var tx = await connection.BeginTransactionAsync(ct);
        await EnsureAsync([productId], tx, ct);
        level = (await ReadAsync(productId, connection, tx, ct))!;
        await tx.CommitAsync(ct);
        return level;
    }

    private static async Task<StockLevel?> ReadAsync(string productId, NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT on_hand, reserved FROM stock_items WHERE product_id = $1", connection, tx);
        cmd.Parameters.AddWithValue(productId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StockLevel(productId, reader.GetInt32(0), reader.GetInt32(1)) : null;
    }

    /// <summary>
    /// Sets on-hand unless that would leave reserved units uncovered; one statement, so a reservation cannot slip in
    /// between the check and the write. Returns the level after the update, or the unchanged level when refused.
    /// </summary>
    public async Task<(bool Updated, StockLevel Level)> SetOnHandAsync(string productId, int onHand, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var cmd = new NpgsqlCommand(
            """
            INSERT INTO stock_items (product_id, on_hand) VALUES ($1, $2)
            ON CONFLICT (product_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = now()
                WHERE stock_items.reserved <= EXCLUDED.on_hand
            RETURNING on_hand, reserved
            """, connection))
        {
            cmd.Parameters.AddWithValue(productId);
            cmd.Parameters.AddWithValue(onHand);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) return (true, new StockLevel(productId, reader.GetInt32(0), reader.GetInt32(1)));
        }
        return (false, await GetAsync(productId, ct));
    }

    /// <summary>
    /// Gives products inventory has not seen yet their default on-hand. Ids are inserted in sorted order so two
    /// transactions seeding overlapping products wait on each other instead of deadlocking.
    /// </summary>
    public async Task EnsureAsync(IReadOnlyList<string> productIds, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            """
            INSERT INTO stock_items (product_id, on_hand)
            SELECT id, $2 FROM unnest($1::text[]) AS id ORDER BY id
            ON CONFLICT (product_id) DO NOTHING
            """, tx.Connection, tx);
        cmd.Parameters.AddWithValue(productIds.Order(StringComparer.Ordinal).ToArray());
        cmd.Parameters.AddWithValue(DefaultOnHand);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
