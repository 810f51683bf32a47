using Npgsql;

namespace ECommerce.Product.Api.Search;

/// <summary>
/// Replaces each word the catalog does not know by the most similar catalog word (pg_trgm trigram similarity,
/// GIN-indexed <c>%</c> operator; ties go to the more frequent word). Known words and words with no close
/// match are kept as typed.
/// </summary>
public sealed class SpellingCorrector(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<string>> CorrectAsync(IReadOnlyList<string> words, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT coalesce(
                (SELECT w.word FROM catalog_words w WHERE w.word = t.word),
                (SELECT w.word FROM catalog_words w WHERE w.word % t.word
                 ORDER BY similarity(w.word, t.word) DESC, w.occurrences DESC, w.word LIMIT 1),
                t.word)
            FROM unnest($1::text[]) WITH ORDINALITY AS u(typed, i), LATERAL (SELECT catalog_unaccent(u.typed) AS word) t
            ORDER BY u.i
            """);
        cmd.Parameters.Add(new() { Value = words.ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var corrected = new List<string>();
        while (await reader.ReadAsync(ct)) corrected.Add(reader.GetString(0));
        return corrected;
    }
}
