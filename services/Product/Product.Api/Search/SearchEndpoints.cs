using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Product.Api.Search;

public static class SearchEndpoints
{
    public const int MaxSuggestions = 10;

    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/search", SearchAsync).WithSummary("Full-text search: ranked, filtered, with facets and didYouMean");
        group.MapGet("/suggest", SuggestAsync).WithSummary("Autocomplete from a prefix of 1+ characters (at most 10)");
        return group;
    }

    private static async Task<Results<Ok<SearchResult>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchQuery query, IProductSearch search, CancellationToken ct)
    {
        var errors = query.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await search.SearchAsync(query, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<Suggestion>>, ValidationProblem>> SuggestAsync(
        string? q, IProductSearch search, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > SearchQuery.MaxQueryLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"q is a prefix of 1 to {SearchQuery.MaxQueryLength} characters."],
            });
        return TypedResults.Ok(await search.SuggestAsync(q, MaxSuggestions, ct));
    }
}
