using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ECommerce.Gateway.Tests;

public class AggregationTests
{
    private static Task<Upstream> Catalog() => Upstream.StartAsync(app =>
    {
        app.MapGet("/api/products/trending", () => Results.Json(new[] { new { productId = "p9" }, new { productId = "p1" } }));
        app.MapGet("/api/products/{id}", (string id) => id == "p1"
            ? Results.Json(new { id, name = "Trail Runner 2", price = 89.5 })
            : Results.Problem(statusCode: 404));
    });

    [Fact]
    public async Task The_page_has_every_part_when_all_answer()
    {
        await using var product = await Catalog();
        await using var inventory = await Upstream.StartAsync(app =>
            app.MapGet("/api/inventory/{id}", (string id) => Results.Json(new { productId = id, available = 7 })));
        await using var gateway = new GatewayFactory(new() { ["product"] = product.Url, ["inventory"] = inventory.Url });
        using var client = gateway.CreateClient();

        var page = JsonDocument.Parse(await client.GetStringAsync("/api/products/p1/page")).RootElement;

        Assert.Equal("Trail Runner 2", page.GetProperty("product").GetProperty("name").GetString());
        Assert.Equal(7, page.GetProperty("availability").GetProperty("available").GetInt32());
        Assert.Equal(2, page.GetProperty("trendingRank").GetInt32());
    }

    [Fact]
    public async Task A_slow_part_degrades_to_null_and_the_rest_is_returned()
    {
        await using var product = await Catalog();
        await using var slowInventory = await Upstream.StartAsync(app => app.MapGet("/api/inventory/{id}", async (string id, CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Json(new { productId = id, available = 7 });
        }));
        await using var gateway = new GatewayFactory(new() { ["product"] = product.Url, ["inventory"] = slowInventory.Url },
            new() { ["Aggregation:PartTimeout"] = "00:00:00.300" });
        using var client = gateway.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(10); // far below the slow part's 30 s: the page cannot have waited for it

        var response = await client.GetAsync("/api/products/p1/page");
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Trail Runner 2", page.GetProperty("product").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("availability").ValueKind);
        Assert.Equal(2, page.GetProperty("trendingRank").GetInt32());
    }

    [Fact]
    public async Task A_missing_product_is_a_404_problem()
    {
        await using var product = await Catalog();
        // A budget far above a cold first call on a loaded machine: this test is about the 404, not about slowness.
        await using var gateway = new GatewayFactory(new() { ["product"] = product.Url }, new() { ["Aggregation:PartTimeout"] = "00:00:10" });
        using var client = gateway.CreateClient();

        var response = await client.GetAsync("/api/products/nope/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_product_reads_are_cached_briefly_and_an_admin_write_drops_them()
    {
        var reads = 0;
        await using var identity = await TestIdentity.StartAsync();
        await using var product = await Upstream.StartAsync(app =>
        {
            app.MapGet("/api/products/{id}", (string id) => Results.Json(new { id, reads = Interlocked.Increment(ref reads) }));
            app.MapPut("/api/products/{id}", (string id) => Results.Json(new { id }));
        });
        await using var gateway = new GatewayFactory(new() { ["product"] = product.Url, ["identity"] = identity.Url },
            new() { ["OutputCache:ProductsTtl"] = "00:01:00" });
        using var client = gateway.CreateClient();

        var first = await client.GetStringAsync("/api/products/p1");
        var second = await client.GetStringAsync("/api/products/p1");
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/products/p1") { Content = new StringContent("{}") };
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identity.Token("admin"));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(put)).StatusCode);
        var third = await client.GetStringAsync("/api/products/p1");

        Assert.Equal(first, second);
        Assert.Contains("\"reads\":1", second);
        Assert.Contains("\"reads\":2", third);
    }
}
