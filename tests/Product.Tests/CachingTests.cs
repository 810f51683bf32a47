using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Product.Api.Caching;
using ECommerce.Product.Api.Catalog;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ECommerce.Product.Tests;

/// <summary>Cache-aside, ETag/304, stampede protection, invalidation across two instances and write-through.</summary>
[Collection(ProductCollection.Name)]
public sealed class CachingTests(ProductFixture fixture)
{
    private static string Url(Guid id) => $"/api/products/{id}";

    private static async Task<(HttpStatusCode Status, string? Cache, string? ETag, JsonElement Body)> GetAsync(HttpClient client, Guid id, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(id));
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Headers.TryGetValues("X-Cache", out var v) ? v.Single() : null, response.Headers.ETag?.Tag,
            text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<JsonElement> CreateAsync(string sku, decimal price = 20m)
    {
        using var response = await fixture.Client(fixture.A, "admin").PostAsJsonAsync("/api/products", AdminTests.NewProduct(sku, price));
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task First_read_is_a_miss_then_a_hit_with_the_same_etag()
    {
        var id = (await fixture.ProductIdsAsync(100, 1))[0];
        var client = fixture.Client(fixture.A);
        var first = await GetAsync(client, id);
        var second = await GetAsync(client, id);
        Assert.Equal(("MISS", "HIT"), (first.Cache, second.Cache));
        Assert.NotNull(first.ETag);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(first.Body.ToString(), second.Body.ToString());
        var fromRedis = await fixture.B.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringGetAsync($"product:{id:N}");
        Assert.Equal(id.ToString(), JsonDocument.Parse((string)fromRedis!).RootElement.Str("id"));
    }

    [Fact]
    public async Task Matching_if_none_match_is_a_304_and_a_changed_product_gets_a_new_etag()
    {
        var id = Guid.Parse((await CreateAsync("ZEP-ETAG-1")).Str("id"));
        var client = fixture.Client(fixture.A);
        var etag = (await GetAsync(client, id)).ETag!;
        var notModified = await GetAsync(client, id, etag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.Status);
        Assert.Equal(JsonValueKind.Undefined, notModified.Body.ValueKind);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, id, $"\"other\", W/{etag}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, id, "\"other\"")).Status);

        (await fixture.Client(fixture.A, "admin").PutAsJsonAsync(Url(id), AdminTests.NewProduct("ZEP-ETAG-1", name: "Zephyr Renamed Backpack"))).EnsureSuccessStatusCode();
        var changed = await GetAsync(client, id, etag);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.NotEqual(etag, changed.ETag);
        Assert.Equal("Zephyr Renamed Backpack", changed.Body.Str("name"));
    }

    [Fact]
    public async Task Many_concurrent_misses_for_one_product_load_it_from_the_database_once()
    {
        var id = (await fixture.ProductIdsAsync(110, 1))[0];
        var metrics = fixture.A.Services.GetRequiredService<CatalogMetrics>();
        var client = fixture.Client(fixture.A);
        var before = metrics.DatabaseLoads;

        using var start = new ManualResetEventSlim();
        var readers = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await GetAsync(client, id);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(readers);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(1, metrics.DatabaseLoads - before);
        Assert.Single(results.Select(r => r.ETag).Distinct());
    }

    [Fact]
    public async Task Concurrent_misses_on_two_instances_load_the_database_once_between_them()
    {
        var id = (await fixture.ProductIdsAsync(111, 1))[0];
        var (metricsA, metricsB) = (fixture.A.Services.GetRequiredService<CatalogMetrics>(), fixture.B.Services.GetRequiredService<CatalogMetrics>());
        var (onA, onB) = (fixture.Client(fixture.A), fixture.Client(fixture.B));
        var before = metricsA.DatabaseLoads + metricsB.DatabaseLoads;

        using var start = new ManualResetEventSlim();
        var readers = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await GetAsync(i % 2 == 0 ? onA : onB, id);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(readers);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(1, metricsA.DatabaseLoads + metricsB.DatabaseLoads - before);
        Assert.Single(results.Select(r => r.ETag).Distinct());
    }

    [Fact]
    public async Task Update_on_one_instance_drops_the_other_instances_copy_before_answering()
    {
        var id = Guid.Parse((await CreateAsync("ZEP-INV-1")).Str("id"));
        var onB = fixture.Client(fixture.B);
        await GetAsync(onB, id);
        Assert.Equal("HIT", (await GetAsync(onB, id)).Cache); // B holds a copy in memory now

        using var put = await fixture.Client(fixture.A, "admin").PutAsJsonAsync(Url(id), AdminTests.NewProduct("ZEP-INV-1", 20m, "Zephyr Invalidated Backpack"));
        put.EnsureSuccessStatusCode();

        var afterUpdate = await GetAsync(onB, id);
        Assert.Equal("Zephyr Invalidated Backpack", afterUpdate.Body.Str("name"));
        Assert.Equal("MISS", afterUpdate.Cache); // no copy left anywhere: loaded from the database
    }

    [Fact]
    public async Task Price_change_writes_the_fresh_product_into_redis_and_other_instances_read_it_from_there()
    {
        var id = Guid.Parse((await CreateAsync("ZEP-WT-1", price: 30m)).Str("id"));
        var onB = fixture.Client(fixture.B);
        await GetAsync(onB, id);
        Assert.Equal(30m, (await GetAsync(onB, id)).Body.Dec("price"));

        using var put = await fixture.Client(fixture.A, "admin").PutAsJsonAsync(Url(id), AdminTests.NewProduct("ZEP-WT-1", price: 24.5m));
        put.EnsureSuccessStatusCode();

        var cached = await fixture.A.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringGetAsync($"product:{id:N}");
        Assert.Equal(24.5m, JsonDocument.Parse((string)cached!).RootElement.Dec("price"));
        var afterUpdate = await GetAsync(onB, id);
        Assert.Equal((24.5m, "HIT"), (afterUpdate.Body.Dec("price"), afterUpdate.Cache));
        Assert.Equal(24.5m, (await GetAsync(fixture.Client(fixture.A), id)).Body.Dec("price"));
    }

    [Fact]
    public async Task Redis_down_reads_come_from_postgres_as_misses_and_caching_resumes_when_redis_returns()
    {
        var ids = await fixture.ProductIdsAsync(120, 3);
        var (onA, onB) = (fixture.Client(fixture.A), fixture.Client(fixture.B));
        await GetAsync(onB, ids[0]); // in Redis (and B's memory), not in A's memory

        await fixture.Redis.StopAsync();
        try
        {
            await fixture.A.WaitForCheckAsync("redis", "Degraded");
            var cachedBefore = await GetAsync(onA, ids[0]);
            var neverCached = await GetAsync(onA, ids[1]);
            Assert.Equal((HttpStatusCode.OK, "MISS"), (cachedBefore.Status, cachedBefore.Cache));
            Assert.Equal((HttpStatusCode.OK, "MISS"), (neverCached.Status, neverCached.Cache));
            Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/api/products/trending")).StatusCode);
            using var put = await fixture.Client(fixture.A, "admin").PutAsJsonAsync(Url(ids[1]), await BodyOfAsync(ids[1]));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        finally
        {
            await fixture.Redis.StartAsync();
        }

        await fixture.A.WaitForCheckAsync("redis", "Healthy");
        await fixture.B.WaitForCheckAsync("redis", "Healthy");
        Assert.Equal("MISS", (await GetAsync(onA, ids[2])).Cache);
        // B never read this product: a hit there can only come from Redis, written by A's miss.
        var fromRedis = await GetAsync(onB, ids[2]);
        Assert.Equal((ids[2].ToString(), "HIT"), (fromRedis.Body.Str("id"), fromRedis.Cache));
    }

    private async Task<object> BodyOfAsync(Guid id)
    {
        var p = (await GetAsync(fixture.Client(fixture.A), id)).Body;
        return new
        {
            sku = p.Str("sku"), name = p.Str("name") + " II", description = p.Str("description"), brand = p.Str("brand"),
            category = p.Str("category"), price = p.Dec("price"), currency = p.Str("currency"), imageUrl = p.Str("imageUrl"),
            rating = p.Dec("rating"), attributes = p.GetProperty("attributes"),
        };
    }
}
