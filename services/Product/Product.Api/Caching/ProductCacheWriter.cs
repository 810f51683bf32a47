using ECommerce.Product.Api.Catalog;

namespace ECommerce.Product.Api.Caching;

/// <summary>
/// Keeps the caches right after an admin write, before the write's response returns: a price change writes the
/// fresh product into Redis (write-through), any other change or a delete removes it (invalidation); either way
/// every instance is told to drop its in-process copy.
/// </summary>
public sealed class ProductCacheWriter(ProductCache cache, CacheStore redis, InvalidationBus bus)
{
    public async Task WriteThroughAsync(ProductDetails product)
    {
        var fresh = cache.Serialize(product);
        cache.DropLocal(product.Id);
        if (!await redis.SetAsync(cache.Key(product.Id), fresh.Json, cache.TtlWithJitter()))
            await redis.DeleteAsync(cache.Key(product.Id));
        await bus.BroadcastAsync(product.Id);
        cache.SetLocal(product.Id, fresh);
    }

    public async Task InvalidateAsync(Guid id)
    {
        cache.DropLocal(id);
        await redis.DeleteAsync(cache.Key(id));
        await bus.BroadcastAsync(id);
    }
}
