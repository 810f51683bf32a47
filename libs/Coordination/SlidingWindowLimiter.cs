using StackExchange.Redis;

namespace ECommerce.Coordination;

/// <summary>
/// A sliding-window log limiter in one Lua script, so every process sharing the Redis shares the limit: the key is a
/// sorted set of hit timestamps (the server's clock, so instances with skewed clocks agree); hits older than the window
/// are dropped, and a hit is admitted while fewer than the limit remain. A refused hit is not recorded and learns
/// when the oldest hit leaves the window (its retry-after).
/// </summary>
public sealed class SlidingWindowLimiter(IDatabase db)
{
    private static readonly LuaScript Hit = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(@windowMs)
        local limit = tonumber(@limit)
        redis.call('ZREMRANGEBYSCORE', @key, '-inf', now - window)
        local count = redis.call('ZCARD', @key)
        if count < limit then
          redis.call('ZADD', @key, now, @hit)
          redis.call('PEXPIRE', @key, window)
          return {1, count + 1, 0}
        end
        local oldest = redis.call('ZRANGE', @key, 0, 0, 'WITHSCORES')
        return {0, count, tonumber(oldest[2]) + window - now}
        """);

    /// <summary>Records a hit on <paramref name="key"/> if fewer than <paramref name="limit"/> hits fell in the last <paramref name="window"/>.</summary>
    /// <remarks>StackExchange.Redis commands take no token: <paramref name="ct"/> stops the wait, not the command.</remarks>
    public async Task<SlidingWindowDecision> HitAsync(string key, int limit, TimeSpan window, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // Refused at once while the multiplexer is reconnecting: a command sent then waits out the connect attempt (seconds).
        if (!db.Multiplexer.IsConnected)
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not connected.");
        var reply = (RedisResult[])(await db.ScriptEvaluateAsync(Hit, new
        {
            key = (RedisKey)key, windowMs = RedisLock.Milliseconds(window), limit, hit = Guid.NewGuid().ToString("N"),
        }).WaitAsync(ct))!;
        return new SlidingWindowDecision((long)reply[0] == 1, (long)reply[1], TimeSpan.FromMilliseconds(Math.Max(0, (long)reply[2])));
    }
}
