using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ECommerce.Product.Api.Caching;

/// <summary>
/// The catalog's use of Redis: every call is bounded by a short timeout, and a failure is logged and reported as
/// "nothing there" / "not done", so the catalog keeps answering from PostgreSQL while Redis is down and uses it
/// again, untouched, once the multiplexer has reconnected.
/// </summary>
public sealed class CacheStore(IConnectionMultiplexer redis, IOptions<ProductCacheOptions> options, ILogger<CacheStore> logger)
{
    public bool IsAvailable => redis.IsConnected;

    public Task<byte[]?> GetAsync(string key) => TryAsync("GET", async db => (byte[]?)await db.StringGetAsync(key), null);

    public Task<bool> SetAsync(string key, byte[] value, TimeSpan ttl) =>
        TryAsync("SET", db => db.StringSetAsync(key, value, ttl), false);

    /// <summary>True when the key is gone (deleted now or not there); false when Redis could not be asked.</summary>
    public Task<bool> DeleteAsync(string key) => TryAsync("DEL", async db => { await db.KeyDeleteAsync(key); return true; }, false);

    /// <summary>
    /// Runs <paramref name="operation"/> under the same rules: <paramref name="fallback"/> when Redis failed or was
    /// slower than <see cref="ProductCacheOptions.RedisTimeout"/> (the command itself is not cancelled: its reply is ignored).
    /// </summary>
    public async Task<T> TryAsync<T>(string what, Func<IDatabase, Task<T>> operation, T fallback)
    {
        if (!redis.IsConnected) return fallback;
        try
        {
            return await operation(redis.GetDatabase()).WaitAsync(options.Value.RedisTimeout);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Redis {Operation} failed, going on without it: {Reason}", what, ex.Message);
            return fallback;
        }
    }
}
