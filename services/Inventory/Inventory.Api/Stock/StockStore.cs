using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Inventory.Api.Stock;

/// <summary>The <c>stock_items</c> table: lazy seeding, reads and the admin's on-hand updates.</summary>
public sealed class StockStore(NpgsqlDataSource dataSource, IOptions<InventoryOptions> options)
{
    private const string Level = "product_id AS ProductId, on_hand AS OnHand, reserved AS Reserved";

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

    private static Task<StockLevel?> ReadAsync(string productId, NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<StockLevel?>(new CommandDefinition(
            $"SELECT {Level} FROM stock_items WHERE product_id = @productId", new { productId }, tx, cancellationToken: ct));

    /// <summary>
    /// Sets on-hand unless that would leave reserved units uncovered; one statement, so a reservation cannot slip in
    /// between the check and the write. Returns the level after the update, or the unchanged level when refused.
    /// </summary>
    public async Task<(bool Updated, StockLevel Level)> SetOnHandAsync(string productId, int onHand, CancellationToken ct)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            var updated = await connection.QuerySingleOrDefaultAsync<StockLevel?>(new CommandDefinition(
                $"""
                INSERT INTO stock_items (product_id, on_hand) VALUES (@productId, @onHand)
                ON CONFLICT (product_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = now()
                    WHERE stock_items.reserved <= EXCLUDED.on_hand
                RETURNING {Level}
                """, new { productId, onHand }, cancellationToken: ct));
            if (updated is not null) return (true, updated);
        }
        return (false, await GetAsync(productId, ct));
    }

    /// <summary>
    /// Gives products inventory has not seen yet their default on-hand. Ids are inserted in sorted order so two
    /// transactions seeding overlapping products wait on each other instead of deadlocking.
    /// </summary>
    public Task EnsureAsync(IReadOnlyList<string> productIds, NpgsqlTransaction tx, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO stock_items (product_id, on_hand)
            SELECT id, @onHand FROM unnest(@ids::text[]) AS id ORDER BY id
            ON CONFLICT (product_id) DO NOTHING
            """, new { ids = productIds.Order(StringComparer.Ordinal).ToArray(), onHand = DefaultOnHand }, tx, cancellationToken: ct));
}
