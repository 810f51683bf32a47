using System.Globalization;
using System.Text;
using System.Text.Json;
using ECommerce.Product.Api.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.Product.Api.Search;

/// <summary>
/// Search on PostgreSQL full-text: the weighted <c>search</c> tsvector (name A, brand B, category C, description D,
/// unaccented) with a GIN index; relevance is ts_rank_cd scaled by rating, plus a boost when the name is or starts
/// with the query. Items, total and facets come from one statement over one filtered set, so they always agree.
/// A query that finds nothing is corrected word by word against the catalog vocabulary (pg_trgm) and run again.
/// </summary>
public sealed class PostgresProductSearch(NpgsqlDataSource dataSource, SpellingCorrector speller) : IProductSearch
{
    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var words = QueryTerms.Words(query.Q);
        var result = await RunAsync(query, words, ct);
        if (result.Total > 0 || words.Count == 0) return result;

        var corrected = await speller.CorrectAsync(words, ct);
        if (corrected.SequenceEqual(words)) return result;
        var retry = await RunAsync(query, corrected, ct);
        return retry.Total > 0 ? retry with { DidYouMean = string.Join(' ', corrected) } : result;
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken ct)
    {
        var words = QueryTerms.Words(prefix);
        if (words.Count == 0) return [];
        // The best 100 by (name starts with the text, rating), then one per distinct name: a bounded top-N sort
        // instead of de-duplicating every match of a one-letter prefix.
        var cmd = new NpgsqlBatchCommand("""
            SELECT id, name, name_key FROM products
            WHERE name_words @@ to_tsquery('simple', catalog_unaccent($1))
            ORDER BY starts_with(name_key, catalog_unaccent($2)) DESC, rating DESC, name_key, id
            LIMIT 100
            """);
        cmd.Parameters.Add(new() { Value = QueryTerms.TsQuery(words, allPrefixes: true) });
        cmd.Parameters.Add(new() { Value = string.Join(' ', words) });
        return await IndexedQuery.RunAsync<IReadOnlyList<Suggestion>>(dataSource, cmd, async reader =>
        {
            var list = new List<Suggestion>();
            var seen = new HashSet<string>();
            while (list.Count < limit && await reader.ReadAsync(ct))
                if (seen.Add(reader.GetString(2))) list.Add(new Suggestion(reader.GetString(1), reader.GetGuid(0)));
            return list;
        }, ct);
    }

    private async Task<SearchResult> RunAsync(SearchQuery query, IReadOnlyList<string> words, CancellationToken ct)
    {
        var (page, size) = (query.PageOrDefault, query.PageSizeOrDefault);
        var cmd = new NpgsqlBatchCommand();
        var where = new StringBuilder("WHERE true");
        string score;
        if (words.Count == 0) score = "p.rating::float8";
        else
        {
            var tsquery = Add(cmd, QueryTerms.TsQuery(words));
            var phrase = Add(cmd, string.Join(' ', words));
            where.Append($" AND p.search @@ to_tsquery('english', catalog_unaccent({tsquery}))");
            score = $"""
                ts_rank_cd(p.search, to_tsquery('english', catalog_unaccent({tsquery})), 1) * (0.5 + p.rating::float8 / 10)
                + CASE WHEN p.name_key = catalog_unaccent({phrase}) THEN 10
                       WHEN starts_with(p.name_key, catalog_unaccent({phrase})) THEN 1 ELSE 0 END
                """;
        }
        if (query.Category is { } category) where.Append($" AND p.category = {Add(cmd, category)}");
        if (query.Brand is { } brand) where.Append($" AND p.brand = {Add(cmd, brand)}");
        if (query.MinPrice is { } min) where.Append($" AND p.price >= {Add(cmd, min)}");
        if (query.MaxPrice is { } max) where.Append($" AND p.price <= {Add(cmd, max)}");
        var bounds = Add(cmd, PriceBuckets.Bounds, NpgsqlDbType.Array | NpgsqlDbType.Numeric);
        cmd.CommandText = $"""
            WITH m AS MATERIALIZED (
                SELECT p.id, p.sku, p.name, p.brand, p.category, p.price, p.currency, p.image_url, p.rating, {score} AS score
                FROM products p {where})
            SELECT (SELECT count(*) FROM m),
                (SELECT coalesce(json_agg(json_build_object('id', id, 'sku', sku, 'name', name, 'brand', brand, 'category', category,
                        'price', price, 'currency', currency, 'imageUrl', image_url, 'rating', rating) ORDER BY score DESC, id), '[]')
                 FROM (SELECT * FROM m ORDER BY score DESC, id LIMIT {size} OFFSET {(page - 1) * size}) top)::text,
                (SELECT coalesce(json_agg(json_build_object('value', category, 'count', n) ORDER BY n DESC, category), '[]')
                 FROM (SELECT category, count(*) n FROM m GROUP BY category) c)::text,
                (SELECT coalesce(json_agg(json_build_object('value', brand, 'count', n) ORDER BY n DESC, brand), '[]')
                 FROM (SELECT brand, count(*) n FROM m GROUP BY brand) b)::text,
                (SELECT coalesce(json_agg(json_build_object('value', bucket::text, 'count', n)), '[]')
                 FROM (SELECT width_bucket(price, {bounds}) bucket, count(*) n FROM m GROUP BY 1) r)::text
            """;
        return await IndexedQuery.RunAsync(dataSource, cmd, async reader =>
        {
            await reader.ReadAsync(ct);
            var buckets = Facet(reader.GetString(4)).ToDictionary(f => int.Parse(f.Value, CultureInfo.InvariantCulture), f => f.Count);
            var facets = new SearchFacets(Facet(reader.GetString(2)), Facet(reader.GetString(3)), PriceBuckets.Ranges(buckets));
            var items = JsonSerializer.Deserialize<List<ProductSummary>>(reader.GetString(1), JsonSerializerOptions.Web)!;
            return new SearchResult(items, reader.GetInt64(0), page, size, facets, null);
        }, ct);
    }

    private static List<FacetValue> Facet(string json) => JsonSerializer.Deserialize<List<FacetValue>>(json, JsonSerializerOptions.Web)!;

    private static string Add(NpgsqlBatchCommand cmd, object value, NpgsqlDbType? type = null)
    {
        var parameter = new NpgsqlParameter { Value = value };
        if (type is { } t) parameter.NpgsqlDbType = t;
        cmd.Parameters.Add(parameter);
        return $"${cmd.Parameters.Count}";
    }
}
