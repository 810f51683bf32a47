namespace ECommerce.Product.Api.Catalog;

/// <summary>Query string of GET /api/products.</summary>
public sealed record ListQuery(
    int? Page, int? PageSize, string? Category, string? Brand, decimal? MinPrice, decimal? MaxPrice, string? Sort)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static readonly IReadOnlyDictionary<string, string> SortOrders = new Dictionary<string, string>
    {
        ["price_asc"] = "price ASC, id",
        ["price_desc"] = "price DESC, id",
        ["name"] = "name ASC, id",
        ["newest"] = "created_at DESC, id",
    };

    public int PageOrDefault => Page ?? 1;
    public int PageSizeOrDefault => PageSize ?? DefaultPageSize;

    public Dictionary<string, string[]> Validate()
    {
        var errors = QueryValidation.Paging(Page, PageSize);
        QueryValidation.PriceRange(MinPrice, MaxPrice, errors);
        if (Sort is not null && !SortOrders.ContainsKey(Sort))
            errors["sort"] = [$"sort must be one of {string.Join(", ", SortOrders.Keys)}."];
        return errors;
    }
}
