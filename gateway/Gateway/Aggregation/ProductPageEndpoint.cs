using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ECommerce.Gateway.Edge;
using ECommerce.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace ECommerce.Gateway.Aggregation;

/// <summary>
/// GET /api/products/{id}/page: the product, its stock and its trending rank in one response. The parts are
/// asked in parallel, each with its own timeout; a part that fails or is slow comes back as null while the
/// rest is returned (graceful degradation). Only a missing product makes the whole page a 404.
/// </summary>
public static class ProductPageEndpoint
{
    public static WebApplication MapProductPage(this WebApplication app)
    {
        app.MapGet("/api/products/{id}/page", GetAsync).AllowAnonymous()
            .RequireRateLimiting(RateLimitingOptions.PolicyName).WithName("GetProductPage").WithTags("Aggregation");
        return app;
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, PartFetcher parts, IOptions<AggregationOptions> options)
    {
        var timeout = options.Value.PartTimeout;
        var escaped = Uri.EscapeDataString(id);
        var product = parts.GetAsync(ResourceNames.Product, $"/api/products/{escaped}", timeout, context.RequestAborted);
        var stock = parts.GetAsync(ResourceNames.Inventory, $"/api/inventory/{escaped}", timeout, context.RequestAborted);
        var trending = parts.GetAsync(ResourceNames.Product, "/api/products/trending?limit=100", timeout, context.RequestAborted);
        await Task.WhenAll(product, stock, trending);

        if (product.Result.Status == HttpStatusCode.NotFound)
            return TypedResults.Problem($"No product with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        return TypedResults.Ok(new ProductPage(product.Result.Body, stock.Result.Body, RankOf(id, trending.Result.Body)));
    }

    /// <summary>1-based position of the product in the trending list, or null when absent or unknown.</summary>
    private static int? RankOf(string id, JsonNode? trending)
    {
        if (trending is not JsonArray list) return null;
        for (var i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            var entryId = entry?["productId"] ?? entry?["id"];
            if (entryId?.GetValueKind() == JsonValueKind.String && entryId.GetValue<string>() == id) return i + 1;
        }
        return null;
    }
}

public sealed record ProductPage(JsonNode? Product, JsonNode? Availability, int? TrendingRank);

public sealed class AggregationOptions
{
    public TimeSpan PartTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
