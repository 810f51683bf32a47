namespace ECommerce.Redis;

/// <summary>
/// A sliding-window log limiter in one Lua script, so every process sharing the Redis shares the limit: the key is a
/// sorted set of hit timestamps (the server's clock, so instances with skewed clocks agree); hits older than the window
/// are dropped, and a hit is admitted while fewer than the limit remain. A refused hit is not recorded and learns
/// when the oldest hit leaves the window (its retry-after).
/// </summary>
public sealed class SlidingWindowLimiter(RedisDatabase db)
{
    private static readonly RedisScript Hit = new("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(ARGV[1])
        local limit = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local count = redis.call('ZCARD', KEYS[1])
        if count < limit then
          redis.call('ZADD', KEYS[1], now, ARGV[3])
          redis.call('PEXPIRE', KEYS[1], window)
          return {1, count + 1, 0}
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return {0, count, tonumber(oldest[2]) + window - now}
        """);

    /// <summary>Records a hit on <paramref name="key"/> if fewer than <paramref name="limit"/> hits fell in the last <paramref name="window"/>.</summary>
    public async Task<SlidingWindowDecision> HitAsync(string key, int limit, TimeSpan window, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var reply = (await db.ScriptEvaluateAsync(Hit, [key], [RedisLock.Milliseconds(window), limit, Guid.NewGuid().ToString("N")], ct)).AsArray();
        return new SlidingWindowDecision(reply[0].Integer == 1, reply[1].Integer, TimeSpan.FromMilliseconds(Math.Max(0, reply[2].Integer)));
    }
}
