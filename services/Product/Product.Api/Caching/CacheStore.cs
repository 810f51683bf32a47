using ECommerce.Redis;
using Microsoft.Extensions.Options;

namespace ECommerce.Product.Api.Caching;

/// <summary>
/// The catalog's use of Redis as a cache: every call is bounded by a short timeout and a failure is logged and
/// reported as "nothing there" / "not stored", so the catalog keeps answering from PostgreSQL while Redis is down.
/// </summary>
public sealed class CacheStore(RedisConnection redis, IOptions<ProductCacheOptions> options, ILogger<CacheStore> logger)
{
    public async Task<byte[]?> GetAsync(string key)
    {
        var reply = await TryAsync("GET", [key]);
        return reply is { IsNull: false, Bytes: { } bytes } ? bytes : null;
    }

    public async Task<bool> SetAsync(string key, byte[] value, TimeSpan ttl) =>
        await TryAsync("SET", [key, value, "PX", (long)ttl.TotalMilliseconds]) is not null;

    public async Task<bool> DeleteAsync(string key) => await TryAsync("DEL", [key]) is not null;

    /// <summary>Any command under the same rules: null when Redis failed or was too slow.</summary>
    public async Task<RespValue?> TryAsync(string command, object[] args)
    {
        if (!redis.IsConnected) return null;
        using var timeout = new CancellationTokenSource(options.Value.RedisTimeout);
        try
        {
            return await redis.ExecuteAsync(command, args, timeout.Token);
        }
        catch (Exception ex) when (ex is RedisException or OperationCanceledException or IOException)
        {
            logger.LogWarning("Redis {Command} failed, serving without the cache: {Reason}", command, ex.Message);
            return null;
        }
    }
}
