using ECommerce.Product.Api.Catalog;

namespace ECommerce.Product.Api.Search;

/// <summary>Query string of GET /api/products/search.</summary>
public sealed record SearchQuery(string? Q, string? Category, string? Brand, decimal? MinPrice, decimal? MaxPrice, int? Page, int? PageSize)
{
    public const int MaxQueryLength = 200;

    public int PageOrDefault => Page ?? 1;
    public int PageSizeOrDefault => PageSize ?? ListQuery.DefaultPageSize;

    public Dictionary<string, string[]> Validate()
    {
        var errors = QueryValidation.Paging(Page, PageSize);
        QueryValidation.PriceRange(MinPrice, MaxPrice, errors);
        if (Q is { Length: > MaxQueryLength }) errors["q"] = [$"q has at most {MaxQueryLength} characters."];
        return errors;
    }
}
