using System.Text;

namespace ECommerce.Product.Api.Search;

/// <summary>
/// A shopper's text as words (letters and digits, lower-case) and as tsquery text. Only letters and digits reach
/// to_tsquery, so its operators cannot be injected; the last word is a prefix (the shopper may still be typing).
/// </summary>
public static class QueryTerms
{
    public const int MaxWords = 8;

    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in (text ?? "").ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c)) current.Append(c);
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        return words.Take(MaxWords).ToList();
    }

    /// <param name="weights">Restricts matches to these weights, e.g. "A" for names only.</param>
    /// <param name="allPrefixes">Every word is a prefix (autocomplete), not only the last.</param>
    public static string TsQuery(IReadOnlyList<string> words, string weights = "", bool allPrefixes = false) =>
        string.Join(" & ", words.Select((w, i) => allPrefixes || i == words.Count - 1 ? $"{w}:*{weights}" : weights == "" ? w : $"{w}:{weights}"));
}
