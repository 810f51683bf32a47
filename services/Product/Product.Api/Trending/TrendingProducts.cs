using ECommerce.Product.Api.Caching;
using ECommerce.Product.Api.Catalog;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ECommerce.Product.Api.Trending;

/// <summary>
/// Trending products as Redis sorted sets, one per time bucket (<c>trending:{bucket}</c>, member = product id):
/// a view or a sale adds to the current bucket; reading sums the recent buckets with ZUNIONSTORE, older buckets
/// weighing less (exponential decay), and expired buckets falling out. The union, the read of its top and its deletion
/// go as one MULTI/EXEC transaction: one round trip, and no other client sees the throwaway key. Redis down means no trending, never an error.
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
        var buckets = Enumerable.Range(0, o.Buckets).Select(age => (RedisKey)Key(now - age)).ToArray();
        var weights = Enumerable.Range(0, o.Buckets).Select(age => TrendingDecay.Weight(age, o.BucketSize, o.HalfLife)).ToArray();
        RedisKey union = $"{o.KeyPrefix}top:{Guid.NewGuid():N}";
        var top = await redis.TryAsync("trending union", async db =>
        {
            var transaction = db.CreateTransaction();
            _ = transaction.SortedSetCombineAndStoreAsync(SetOperation.Union, union, buckets, weights);
            var entries = transaction.SortedSetRangeByRankWithScoresAsync(union, 0, limit - 1, Order.Descending);
            _ = transaction.KeyDeleteAsync(union);
            await transaction.ExecuteAsync();
            return await entries;
        }, []);
        var scores = top.Select(e => (Id: Guid.TryParse(e.Element.ToString(), out var id) ? id : Guid.Empty, e.Score))
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
        await redis.TryAsync("trending add", async db =>
        {
            var add = db.SortedSetIncrementAsync(key, productId.ToString(), amount);
            // A bucket outlives the window by one bucket, then Redis deletes it.
            var expire = db.KeyExpireAsync(key, o.BucketSize * (o.Buckets + 1));
            await Task.WhenAll(add, expire);
            return expire.Result;
        }, false);
    }

    private string Key(long bucket) => $"{options.Value.KeyPrefix}{bucket}";
}
