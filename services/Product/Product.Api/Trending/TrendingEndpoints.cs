using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Product.Api.Trending;

public static class TrendingEndpoints
{
    public const int MaxLimit = 100;

    public static RouteGroupBuilder MapTrendingEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/trending", TopAsync).WithSummary("Top products by recent views and confirmed sales, with decay");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<TrendingEntry>>, ValidationProblem>> TopAsync(
        int? limit, TrendingProducts trending, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxLimit}."] });
        return TypedResults.Ok(await trending.TopAsync(limit ?? 10, ct));
    }
}
