using ECommerce.Product.Api.Caching;
using ECommerce.Product.Api.Trending;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Product.Api.Catalog;

public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithSummary("A page of products, filtered and sorted");
        group.MapGet("/categories", CategoriesAsync).WithSummary("Categories with their product counts");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One product (cache-aside, ETag)");
        return group;
    }

    private static async Task<Results<Ok<PagedList<ProductSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query, ProductStore store, CancellationToken ct)
    {
        var errors = query.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await store.ListAsync(query, ct));
    }

    private static async Task<Ok<IReadOnlyList<CategoryCount>>> CategoriesAsync(ProductStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.CategoriesAsync(ct));

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ProductCache cache, TrendingProducts trending)
    {
        var (product, hit) = await cache.GetAsync(id);
        http.Response.Headers["X-Cache"] = hit ? "HIT" : "MISS";
        if (product is null)
            return TypedResults.Problem($"No product with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        await trending.RecordViewAsync(id);
        http.Response.Headers.ETag = product.ETag;
        http.Response.Headers.CacheControl = "no-cache";
        if (Matches(http.Request.Headers.IfNoneMatch, product.ETag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(product.Json, "application/json");
    }

    /// <summary>If-None-Match uses weak comparison (RFC 9110 13.1.2): W/"x" matches "x".</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.SelectMany(v => (v ?? "").Split(',')).Select(t => t.Trim())
            .Any(t => t == "*" || t == etag || (t.StartsWith("W/", StringComparison.Ordinal) && t[2..] == etag));
}
