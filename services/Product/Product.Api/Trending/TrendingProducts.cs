using ECommerce.Product.Api.Caching;
using ECommerce.Product.Api.Catalog;
using ECommerce.Redis;
using Microsoft.Extensions.Options;

namespace ECommerce.Product.Api.Trending;

/// <summary>
/// Trending products as Redis sorted sets, one per time bucket (<c>trending:{bucket}</c>, member = product id):
/// a view or a sale adds to the current bucket; reading sums the recent buckets with ZUNIONSTORE, older buckets
/// weighing less (exponential decay), and expired buckets falling out. Redis down means no trending, never an error.
/// </summary>
public sealed class TrendingProducts(CacheStore redis, ProductStore store, IOptions<TrendingOptions> options, TimeProvider clock)
{
    public Task RecordViewAsync(Guid productId) => AddAsync(productId, options.Value.ViewWeight);

    /// <summary>A confirmed sale (wired to the order's OrderConfirmed event): counts far more than a view.</summary>
    public Task RecordSaleAsync(Guid productId, int quantity) => AddAsync(productId, options.Value.SaleWeight * quantity);

    public async Task<IReadOnlyList<TrendingEntry>> TopAsync(int limit, CancellationToken ct)
    {
        var o = options.Value;
        var now = TrendingDecay.BucketOf(clock.GetUtcNow(), o.BucketSize);
        var args = new List<object> { $"{o.KeyPrefix}top:{Guid.NewGuid():N}", o.Buckets };
        for (var age = 0; age < o.Buckets; age++) args.Add(Key(now - age));
        args.Add("WEIGHTS");
        for (var age = 0; age < o.Buckets; age++) args.Add(TrendingDecay.Weight(age, o.BucketSize, o.HalfLife));
        var top = await redis.TryAsync("trending union", async (db, token) =>
        {
            // The union lands in a throwaway key, read and deleted at once (one script could do the three steps).
            await db.ExecuteAsync("ZUNIONSTORE", args, token);
            var entries = await db.SortedSetRangeByRankWithScoresAsync((string)args[0], 0, limit - 1, Order.Descending, token);
            await db.KeyDeleteAsync((string)args[0], token);
            return entries;
        }, []);
        var scores = top.Select(e => (Id: Guid.TryParse(e.Element, out var id) ? id : Guid.Empty, e.Score))
            .Where(e => e.Id != Guid.Empty).ToList();
        var summaries = (await store.SummariesAsync(scores.Select(s => s.Id).ToList(), ct)).ToDictionary(s => s.Id);
        return scores.Where(s => summaries.ContainsKey(s.Id)).Select(s =>
        {
            var p = summaries[s.Id];
            return new TrendingEntry(p.Id, p.Name, p.Brand, p.Category, p.Price, p.Currency, p.ImageUrl, p.Rating, Math.Round(s.Score, 4));
        }).ToList();
    }

    private async Task AddAsync(Guid productId, double amount)
    {
        var o = options.Value;
        var key = Key(TrendingDecay.BucketOf(clock.GetUtcNow(), o.BucketSize));
        await redis.TryAsync("trending add", async (db, ct) =>
        {
            await db.SortedSetIncrementAsync(key, productId.ToString(), amount, ct);
            // A bucket outlives the window by one bucket, then Redis deletes it.
            return await db.KeyExpireAsync(key, o.BucketSize * (o.Buckets + 1), ct);
        }, false);
    }

    private string Key(long bucket) => $"{options.Value.KeyPrefix}{bucket}";
}
