using System.Collections.Concurrent;
using System.Text.Json;
using ECommerce.Product.Api.Catalog;
using ECommerce.Coordination;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ECommerce.Product.Api.Caching;

/// <summary>
/// Cache-aside for single products: an in-process copy (L1), then Redis (L2), then PostgreSQL. Concurrent misses
/// for one product share one load in this instance (<see cref="SingleFlight{TKey,TValue}"/>), and instances share one
/// load through a short Redis lock (the others wait for the value in Redis). Redis failing or slow is a miss, never
/// an error. Writes go through <see cref="ProductCacheWriter"/>, which drops or refreshes the copies everywhere.
/// </summary>
public sealed class ProductCache(
    CacheStore redis, IMemoryCache local, ProductStore store, CatalogMetrics metrics,
    IOptions<ProductCacheOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private readonly SingleFlight<Guid, (CachedProduct?, bool)> _flight = new();
    private readonly ConcurrentDictionary<Guid, long> _generations = new();

    /// <returns>The product (null when there is none) and whether a cache answered.</returns>
    public async Task<(CachedProduct? Product, bool Hit)> GetAsync(Guid id)
    {
        if (local.TryGetValue(id, out CachedProduct? copy))
        {
            metrics.Lookup(hit: true);
            return (copy, true);
        }
        var result = await _flight.RunAsync(id, () => LoadAsync(id));
        metrics.Lookup(result.Item2);
        return result;
    }

    public CachedProduct Serialize(ProductDetails product) =>
        new(JsonSerializer.SerializeToUtf8Bytes(product, json.Value.SerializerOptions));

    public string Key(Guid id) => options.Value.KeyPrefix + id.ToString("N");

    /// <summary>Drops the in-process copy and makes loads already running for it unable to store what they read.</summary>
    public void DropLocal(Guid id)
    {
        _generations.AddOrUpdate(id, 1, (_, g) => g + 1);
        local.Remove(id);
    }

    public void SetLocal(Guid id, CachedProduct product) => SetLocal(id, product, Generation(id));

    private async Task<(CachedProduct?, bool)> LoadAsync(Guid id)
    {
        var generation = Generation(id);
        if (await redis.GetAsync(Key(id)) is { } bytes)
        {
            var cached = new CachedProduct(bytes);
            SetLocal(id, cached, generation);
            return (cached, true);
        }
        var lease = await redis.TryAsync("load lock",
            db => new RedisLock(db).TryAcquireAsync($"{Key(id)}:load", options.Value.LoadLockLease), null);
        if (lease is null && redis.IsAvailable && await WaitForOtherLoaderAsync(id) is { } loaded)
        {
            SetLocal(id, loaded, generation);
            return (loaded, true);
        }
        try
        {
            // Checked again under the lock: another instance may have stored it between the first GET and the lock.
            if (lease is not null && await redis.GetAsync(Key(id)) is { } stored)
            {
                var cached = new CachedProduct(stored);
                SetLocal(id, cached, generation);
                return (cached, true);
            }
            // Not the caller's token: waiters share this load, and one caller leaving must not fail it for the rest.
            var product = await store.FindAsync(id, CancellationToken.None);
            if (product is null) return (null, false);
            var fresh = Serialize(product);
            await redis.SetAsync(Key(id), fresh.Json, TtlWithJitter());
            SetLocal(id, fresh, generation);
            return (fresh, false);
        }
        finally
        {
            if (lease is not null) await redis.TryAsync("load unlock", _ => lease.ReleaseAsync(), false);
        }
    }

    /// <summary>
    /// Another instance holds the load lock: poll Redis for the value it is loading while its lease lasts.
    /// Null when the lock went away without a value (the loader failed, or the product does not exist).
    /// </summary>
    private async Task<CachedProduct?> WaitForOtherLoaderAsync(Guid id)
    {
        var deadline = DateTimeOffset.UtcNow + options.Value.LoadLockLease;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(10);
            if (await redis.GetAsync(Key(id)) is { } bytes) return new CachedProduct(bytes);
            var locked = await redis.TryAsync("load lock check", db => db.KeyExistsAsync($"{RedisLock.KeyPrefix}{Key(id)}:load"), false);
            if (!locked) return await redis.GetAsync(Key(id)) is { } late ? new CachedProduct(late) : null;
        }
        return null;
    }

    private long Generation(Guid id) => _generations.GetValueOrDefault(id);

    private void SetLocal(Guid id, CachedProduct product, long generation)
    {
        // An invalidation that arrived while this value was being read means the value may predate the write.
        if (Generation(id) == generation) local.Set(id, product, options.Value.LocalTtl);
    }

    public TimeSpan TtlWithJitter()
    {
        var o = options.Value;
        var factor = 1 + o.Jitter * (2 * Random.Shared.NextDouble() - 1);
        return TimeSpan.FromMilliseconds(o.Ttl.TotalMilliseconds * factor);
    }
}
