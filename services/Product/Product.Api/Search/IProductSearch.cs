namespace ECommerce.Product.Api.Search;

/// <summary>
/// The catalog's search engine. PostgreSQL full-text (<see cref="PostgresProductSearch"/>) is the one here;
/// another engine (Elasticsearch, OpenSearch) would implement this and be registered instead.
/// </summary>
public interface IProductSearch
{
    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct);

    /// <summary>Autocomplete: at most <paramref name="limit"/> product names whose words start with the typed words.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken ct);
}
