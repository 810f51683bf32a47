using ECommerce.Postgres;
using ECommerce.Product.Api.Search;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.Product.Api.Seeding;

/// <summary>
/// Fills an empty catalog once the schema is migrated: one transaction under an advisory lock (instances starting
/// together take turns, the second finds rows and does nothing), rows streamed by binary COPY.
/// </summary>
public sealed class CatalogSeeder(
    NpgsqlDataSource dataSource, MigrationState migrations, CatalogReadiness readiness,
    IOptions<CatalogOptions> options, ILogger<CatalogSeeder> logger) : BackgroundService
{
    private const long SeedLockKey = 0x50726f6453656564; // "ProdSeed"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (migrations.IsComplete)
            {
                try
                {
                    var inserted = await SeedAsync(stoppingToken);
                    logger.LogInformation("Catalog ready ({Inserted} products seeded now)", inserted);
                    readiness.Ready();
                    return;
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Seeding the catalog failed, retrying: {Reason}", ex.Message);
                    delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
                }
            }
            // The migration runner exposes a flag, not an event: checking it a few times a second at start is cheap.
            await Task.Delay(delay, stoppingToken);
        }
    }

    private async Task<int> SeedAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SeedLockKey})", connection, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);
        await using (var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM products)", connection, tx))
            if ((bool)(await any.ExecuteScalarAsync(ct))!) return 0;

        var size = options.Value.SeedSize;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY products (id, sku, name, description, brand, category, price, currency, image_url, rating, attributes, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in CatalogGenerator.Generate(size, options.Value.RandomSeed))
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(p.Sku, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(p.Name, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(p.Description, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(p.Brand, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(p.Category, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(p.Price, NpgsqlDbType.Numeric, ct);
                await writer.WriteAsync(p.Currency, NpgsqlDbType.Char, ct);
                await writer.WriteAsync(p.ImageUrl, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(p.Rating, NpgsqlDbType.Numeric, ct);
                await writer.WriteAsync(p.AttributesJson, NpgsqlDbType.Jsonb, ct);
                await writer.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            }
            await writer.CompleteAsync(ct);
        }
        await CatalogVocabulary.RebuildAsync(connection, tx, ct);
        await using (var analyze = new NpgsqlCommand("ANALYZE products", connection, tx))
            await analyze.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return size;
    }
}
