using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.Product.Api.Catalog;

/// <summary>The catalog's reads from PostgreSQL (the cache's source of truth); writes live in <see cref="ProductWriter"/>.</summary>
public sealed class ProductStore(NpgsqlDataSource dataSource, CatalogMetrics metrics)
{
    internal const string DetailColumns = "id, sku, name, description, brand, category, price, currency, image_url, rating, attributes::text";
    internal const string SummaryColumns = "id, sku, name, brand, category, price, currency, image_url, rating";

    public async Task<ProductDetails?> FindAsync(Guid id, CancellationToken ct)
    {
        metrics.DatabaseLoad();
        await using var cmd = dataSource.CreateCommand($"SELECT {DetailColumns} FROM products WHERE id = $1");
        cmd.Parameters.Add(new() { Value = id });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadDetails(reader) : null;
    }

    public async Task<PagedList<ProductSummary>> ListAsync(ListQuery query, CancellationToken ct)
    {
        var (page, size) = (query.PageOrDefault, query.PageSizeOrDefault);
        var where = new StringBuilder("WHERE true");
        await using var cmd = dataSource.CreateCommand();
        if (query.Category is { } category) where.Append($" AND category = {Add(cmd, category)}");
        if (query.Brand is { } brand) where.Append($" AND brand = {Add(cmd, brand)}");
        if (query.MinPrice is { } min) where.Append($" AND price >= {Add(cmd, min)}");
        if (query.MaxPrice is { } max) where.Append($" AND price <= {Add(cmd, max)}");
        var order = ListQuery.SortOrders[query.Sort ?? "name"];
        cmd.CommandText = $"""
            SELECT {SummaryColumns}, count(*) OVER () FROM products {where}
            ORDER BY {order} LIMIT {size} OFFSET {(page - 1) * size}
            """;
        var items = new List<ProductSummary>();
        long total = 0;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                items.Add(ReadSummary(reader));
                total = reader.GetInt64(9);
            }
        // A page past the end has no rows to carry the window count.
        if (items.Count == 0 && page > 1)
        {
            cmd.CommandText = $"SELECT count(*) FROM products {where}";
            total = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        return new PagedList<ProductSummary>(items, page, size, total);
    }

    public async Task<IReadOnlyList<CategoryCount>> CategoriesAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT category, count(*) FROM products GROUP BY category ORDER BY category");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<CategoryCount>();
        while (await reader.ReadAsync(ct)) list.Add(new CategoryCount(reader.GetString(0), reader.GetInt64(1)));
        return list;
    }

    public async Task<IReadOnlyList<ProductSummary>> SummariesAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {SummaryColumns} FROM products WHERE id = ANY($1)");
        cmd.Parameters.Add(new() { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var found = new Dictionary<Guid, ProductSummary>();
        while (await reader.ReadAsync(ct)) found[reader.GetGuid(0)] = ReadSummary(reader);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    private static string Add(NpgsqlCommand cmd, object value)
    {
        cmd.Parameters.Add(new() { Value = value });
        return $"${cmd.Parameters.Count}";
    }

    internal static ProductDetails ReadDetails(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
        r.GetDecimal(6), r.GetString(7).Trim(), r.IsDBNull(8) ? null : r.GetString(8), r.GetDecimal(9),
        JsonDocument.Parse(r.GetString(10)).RootElement.Clone());

    internal static ProductSummary ReadSummary(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.GetDecimal(5), r.GetString(6).Trim(), r.IsDBNull(7) ? null : r.GetString(7), r.GetDecimal(8));
}
