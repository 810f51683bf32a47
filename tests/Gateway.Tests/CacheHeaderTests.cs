using System.Collections.Concurrent;
using System.Net;

namespace ECommerce.Gateway.Tests;

/// <summary>Two caches stand between a client and a product (the gateway's output cache, the product service's own): each answer says which one, if any, it came from.</summary>
public class CacheHeaderTests
{
    /// <summary>Behaves as the product service at its boundary: cache-aside, so a product's first read misses and later ones hit.</summary>
    private static Task<Upstream> CachingProductService(ConcurrentDictionary<string, int> reads) => Upstream.StartAsync(app =>
        app.MapGet("/api/products/{id}", (string id, HttpContext ctx) =>
        {
            var n = reads.AddOrUpdate(id, 1, (_, r) => r + 1);
            ctx.Response.Headers["X-Cache"] = n == 1 ? "MISS" : "HIT";
            return Results.Json(new { id, name = "Blue mug" });
        }));

    private static (string? Cache, string? Layer) CacheHeaders(HttpResponseMessage response) => (
        response.Headers.TryGetValues("X-Cache", out var cache) ? string.Join(",", cache) : null,
        response.Headers.TryGetValues("X-Cache-Layer", out var layer) ? string.Join(",", layer) : null);

    [Fact]
    public async Task The_same_product_read_twice_says_which_cache_answered()
    {
        var reads = new ConcurrentDictionary<string, int>();
        await using var product = await CachingProductService(reads);
        await using var gateway = new GatewayFactory(new() { ["product"] = product.Url }, new() { ["OutputCache:ProductsTtl"] = "00:00:01" });
        using var client = gateway.CreateClient();

        var first = await client.GetAsync("/api/products/p1");
        var second = await client.GetAsync("/api/products/p1");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(("MISS", null), CacheHeaders(first));          // nobody had it: the service loaded it
        Assert.Equal(("HIT", "gateway"), CacheHeaders(second));     // the gateway replayed the first answer...
        Assert.Equal(1, reads["p1"]);                                // ...without asking the service
        Assert.NotNull(second.Headers.Age);

        // Once the gateway's copy expires the read goes through again, and the service answers from its own cache.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var third = await client.GetAsync("/api/products/p1", deadline.Token);
        while (CacheHeaders(third).Layer == "gateway")
        {
            await Task.Delay(100, deadline.Token);
            third = await client.GetAsync("/api/products/p1", deadline.Token);
        }

        Assert.Equal(("HIT", "product"), CacheHeaders(third));
        Assert.Equal(2, reads["p1"]);
    }
}
