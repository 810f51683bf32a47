namespace ECommerce.Product.Api.Catalog;

/// <summary>Checks shared by list and search query strings; the errors become a 400 validation problem.</summary>
public static class QueryValidation
{
    public static Dictionary<string, string[]> Paging(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1) errors["page"] = ["page must be 1 or more."];
        if (pageSize is < 1 or > ListQuery.MaxPageSize) errors["pageSize"] = [$"pageSize must be between 1 and {ListQuery.MaxPageSize}."];
        if (page is > 10_000) errors["page"] = ["page must be 10000 or less."];
        return errors;
    }

    public static void PriceRange(decimal? min, decimal? max, Dictionary<string, string[]> errors)
    {
        if (min is < 0) errors["minPrice"] = ["minPrice must not be negative."];
        if (max is < 0) errors["maxPrice"] = ["maxPrice must not be negative."];
        if (min is { } lo && max is { } hi && lo > hi) errors["maxPrice"] = ["maxPrice must not be less than minPrice."];
    }
}
