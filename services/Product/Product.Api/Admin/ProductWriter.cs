using ECommerce.Product.Api.Catalog;
using ECommerce.Product.Api.Search;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.Product.Api.Admin;

/// <summary>Admin writes to PostgreSQL; each also adds the product's words to the search vocabulary.</summary>
public sealed class ProductWriter(NpgsqlDataSource dataSource)
{
    public async Task<ProductDetails> CreateAsync(ProductInput input, CancellationToken ct) =>
        (await WriteAsync($"""
            INSERT INTO products (id, sku, name, description, brand, category, price, currency, image_url, rating, attributes)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            RETURNING {ProductStore.DetailColumns}
            """, Guid.NewGuid(), input, ct, _ => 0m)).Product ?? throw new InvalidOperationException("INSERT returned no row.");

    /// <returns>The product as stored now and whether its price changed, or null when there is no such product.</returns>
    public async Task<(ProductDetails Product, bool PriceChanged)?> UpdateAsync(Guid id, ProductInput input, CancellationToken ct)
    {
        var product = await WriteAsync($"""
            UPDATE products p SET sku = $2, name = $3, description = $4, brand = $5, category = $6, price = $7, currency = $8,
                image_url = $9, rating = $10, attributes = $11, version = p.version + 1, updated_at = now()
            FROM (SELECT id, price FROM products WHERE id = $1 FOR UPDATE) old
            WHERE p.id = old.id
            RETURNING {Qualified("p")}, old.price
            """, id, input, ct, r => r.GetDecimal(11));
        return product is var (details, oldPrice) && details is not null ? (details, oldPrice != details.Price) : null;
    }

    private static string Qualified(string alias) =>
        string.Join(", ", ProductStore.DetailColumns.Split(", ").Select(c => $"{alias}.{c}"));

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM products WHERE id = $1");
        cmd.Parameters.Add(new() { Value = id });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task<(ProductDetails? Product, decimal Extra)> WriteAsync(
        string sql, Guid id, ProductInput input, CancellationToken ct, Func<NpgsqlDataReader, decimal> extra)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = input.Sku! });
        cmd.Parameters.Add(new() { Value = input.Name!.Trim() });
        cmd.Parameters.Add(new() { Value = input.Description?.Trim() ?? "" });
        cmd.Parameters.Add(new() { Value = input.Brand!.Trim() });
        cmd.Parameters.Add(new() { Value = input.Category!.Trim() });
        cmd.Parameters.Add(new() { Value = input.Price!.Value });
        cmd.Parameters.Add(new() { Value = input.Currency ?? "USD" });
        cmd.Parameters.Add(new() { Value = (object?)input.ImageUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = input.Rating ?? 0m });
        cmd.Parameters.Add(new() { Value = input.Attributes is { ValueKind: System.Text.Json.JsonValueKind.Object } a ? a.GetRawText() : "{}", NpgsqlDbType = NpgsqlDbType.Jsonb });
        ProductDetails? product = null;
        var extraValue = 0m;
        try
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) (product, extraValue) = (ProductStore.ReadDetails(reader), extra(reader));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateSkuException(input.Sku!);
        }
        if (product is not null)
            await CatalogVocabulary.AddWordsAsync(connection, tx, $"{product.Name} {product.Brand} {product.Category}", ct);
        await tx.CommitAsync(ct);
        return (product, extraValue);
    }
}
