using ECommerce.Product.Api.Trending;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ECommerce.Product.Tests;

[Collection(ProductCollection.Name)]
public sealed class TrendingTests(ProductFixture fixture)
{
    private async Task<List<Guid>> TrendingAsync() =>
        (await fixture.Client(fixture.A).GetJsonAsync("/api/products/trending?limit=100")).EnumerateArray()
            .Select(e => Guid.Parse(e.Str("productId"))).ToList();

    [Fact]
    public async Task Views_and_sales_order_the_trending_list()
    {
        var ids = await fixture.ProductIdsAsync(200, 3);
        var (client, otherInstance) = (fixture.Client(fixture.A), fixture.Client(fixture.B));
        for (var i = 0; i < 6; i++) await client.GetJsonAsync($"/api/products/{ids[0]}");
        for (var i = 0; i < 4; i++) await otherInstance.GetJsonAsync($"/api/products/{ids[1]}");
        await client.GetJsonAsync($"/api/products/{ids[2]}");
        // One confirmed sale of two units weighs 2 x 10 views.
        await fixture.A.Services.GetRequiredService<TrendingProducts>().RecordSaleAsync(ids[2], 2);

        var order = (await TrendingAsync()).Where(ids.Contains).ToList();
        Assert.Equal([ids[2], ids[0], ids[1]], order);
    }

    [Fact]
    public async Task Older_activity_counts_less_than_the_same_activity_now()
    {
        var ids = await fixture.ProductIdsAsync(210, 2);
        var options = new TrendingOptions();
        var redis = fixture.A.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var now = TrendingDecay.BucketOf(DateTimeOffset.UtcNow, options.BucketSize);
        // 30 points one half-life ago (worth 15 now) against 20 points in the current hour.
        await redis.SortedSetIncrementAsync($"trending:{now - 6}", ids[0].ToString(), 30);
        await redis.SortedSetIncrementAsync($"trending:{now}", ids[1].ToString(), 20);

        var order = (await TrendingAsync()).Where(ids.Contains).ToList();
        Assert.Equal([ids[1], ids[0]], order);
        var entries = (await fixture.Client(fixture.A).GetJsonAsync("/api/products/trending?limit=100")).EnumerateArray().ToList();
        var old = entries.Single(e => e.Str("productId") == ids[0].ToString());
        Assert.InRange(old.GetProperty("score").GetDouble(), 13.0, 15.0001); // 15, or a bit less if the hour turned meanwhile
    }

    [Fact]
    public async Task Trending_entries_carry_the_product_summary_and_the_limit_is_checked()
    {
        var id = (await fixture.ProductIdsAsync(220, 1))[0];
        await fixture.Client(fixture.A).GetJsonAsync($"/api/products/{id}");
        var top = await fixture.Client(fixture.A).GetJsonAsync("/api/products/trending?limit=100");
        var entry = top.EnumerateArray().Single(e => e.Str("productId") == id.ToString());
        Assert.False(string.IsNullOrEmpty(entry.Str("name")));
        Assert.True(entry.Dec("price") > 0);
        Assert.Equal(2, (await fixture.Client(fixture.A).GetJsonAsync("/api/products/trending?limit=2")).GetArrayLength());
        await fixture.Client(fixture.A).GetJsonAsync("/api/products/trending?limit=0", System.Net.HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(6, 0.5)]
    [InlineData(12, 0.25)]
    public void Bucket_weight_halves_every_half_life(long age, double weight) =>
        Assert.Equal(weight, TrendingDecay.Weight(age, TimeSpan.FromHours(1), TimeSpan.FromHours(6)), 9);
}
