using ECommerce.Redis;
using Microsoft.Extensions.Options;

namespace ECommerce.Product.Api.Caching;

/// <summary>
/// The catalog's use of Redis: every call is bounded by a short timeout, and a failure is logged and reported as
/// "nothing there" / "not done", so the catalog keeps answering from PostgreSQL while Redis is down and uses it
/// again, untouched, once the connection is back.
/// </summary>
public sealed class CacheStore(RedisDatabase redis, IOptions<ProductCacheOptions> options, ILogger<CacheStore> logger)
{
    public bool IsAvailable => redis.Connection.IsConnected;

    public Task<byte[]?> GetAsync(string key) => TryAsync("GET", (db, ct) => db.StringGetBytesAsync(key, ct), null);

    public Task<bool> SetAsync(string key, byte[] value, TimeSpan ttl) =>
        TryAsync("SET", (db, ct) => db.StringSetAsync(key, value, ttl, ct: ct), false);

    /// <summary>True when the key is gone (deleted now or not there); false when Redis could not be asked.</summary>
    public Task<bool> DeleteAsync(string key) => TryAsync("DEL", async (db, ct) => { await db.KeyDeleteAsync(key, ct); return true; }, false);

    /// <summary>Runs <paramref name="operation"/> under the same rules: <paramref name="fallback"/> when Redis failed or was too slow.</summary>
    public async Task<T> TryAsync<T>(string what, Func<RedisDatabase, CancellationToken, Task<T>> operation, T fallback)
    {
        if (!redis.Connection.IsConnected) return fallback;
        using var timeout = new CancellationTokenSource(options.Value.RedisTimeout);
        try
        {
            return await operation(redis, timeout.Token);
        }
        catch (Exception ex) when (ex is RedisException or OperationCanceledException or TimeoutException or IOException)
        {
            logger.LogWarning("Redis {Operation} failed, going on without it: {Reason}", what, ex.Message);
            return fallback;
        }
    }
}
