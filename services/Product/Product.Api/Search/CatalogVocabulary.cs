using Npgsql;

namespace ECommerce.Product.Api.Search;

/// <summary>
/// The words of product names, brands and categories (unaccented, lower-case, unstemmed), which a misspelled
/// query word is corrected against. Built after the seed; an admin write adds its product's words (words of deleted
/// products stay: a suggestion that finds nothing is dropped by the search anyway).
/// </summary>
public static class CatalogVocabulary
{
    private const string RebuildSql = """
        DELETE FROM catalog_words;
        INSERT INTO catalog_words (word, occurrences)
        SELECT word, ndoc FROM ts_stat($$SELECT to_tsvector('simple', catalog_unaccent(name || ' ' || brand || ' ' || category)) FROM products$$)
        WHERE length(word) >= 2 AND word !~ '^[0-9.]+$';
        """;

    public static async Task RebuildAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(RebuildSql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task AddWordsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string text, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO catalog_words (word, occurrences)
            SELECT lexeme, 1 FROM unnest(to_tsvector('simple', catalog_unaccent($1)))
            WHERE length(lexeme) >= 2 AND lexeme !~ '^[0-9.]+$'
            ON CONFLICT (word) DO UPDATE SET occurrences = catalog_words.occurrences + 1
            """, connection, tx);
        cmd.Parameters.Add(new() { Value = text });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
