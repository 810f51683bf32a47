using System.Globalization;
using ECommerce.Product.Api.Caching;
using ECommerce.Product.Api.Catalog;
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
        // The union lands in a throwaway key read at once; a Lua script could do both steps in one call.
        if (await redis.TryAsync("ZUNIONSTORE", [.. args]) is null) return [];
        var top = await redis.TryAsync("ZREVRANGE", [args[0], 0, limit - 1, "WITHSCORES"]);
        await redis.TryAsync("DEL", [args[0]]);
        if (top?.Items is not { } items) return [];

        var scores = new List<(Guid Id, double Score)>();
        for (var i = 0; i + 1 < items.Length; i += 2)
            if (Guid.TryParse(items[i].ToString(), out var id))
                scores.Add((id, double.Parse(items[i + 1].ToString()!, CultureInfo.InvariantCulture)));
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
        await redis.TryAsync("ZINCRBY", [key, amount, productId.ToString()]);
        // A bucket outlives the window by one bucket, then Redis deletes it.
        await redis.TryAsync("PEXPIRE", [key, (long)(o.BucketSize.TotalMilliseconds * (o.Buckets + 1))]);
    }

    private string Key(long bucket) => $"{options.Value.KeyPrefix}{bucket}";
}
