using StackExchange.Redis;

namespace ECommerce.Coordination;

/// <summary>
/// A lease-based lock with fencing tokens. Acquiring sets <c>lock:{resource}</c> with SET NX PX (one owner at a time,
/// gone by itself when the lease runs out) and, in the same script, INCRs <c>lock:{resource}:fence</c>: every
/// acquisition gets a token larger than every earlier one. A lease can expire while its holder still runs (a GC pause,
/// a slow call), so the lock alone cannot protect a resource; the resource must remember the largest token it has seen
/// and refuse writes carrying a smaller one. Release and extend succeed only while the caller is still the owner.
/// </summary>
public sealed class RedisLock(IDatabase db)
{
    // LuaScript turns @names into KEYS/ARGV and runs by EVALSHA once the server knows the script.
    private static readonly LuaScript Acquire = LuaScript.Prepare("""
        if redis.call('SET', @key, @owner, 'NX', 'PX', @leaseMs) then
          return redis.call('INCR', @fence)
        end
        return false
        """);

    public const string KeyPrefix = "lock:";

    /// <summary>One attempt: the lease, or null when someone else holds the lock.</summary>
    public async Task<RedisLockLease?> TryAcquireAsync(string resource, TimeSpan leaseTime)
    {
        var key = KeyPrefix + resource;
        var owner = Guid.NewGuid().ToString("N");
        var reply = await db.ScriptEvaluateAsync(Acquire, new
        {
            key = (RedisKey)key, fence = (RedisKey)(key + ":fence"), owner, leaseMs = Milliseconds(leaseTime),
        });
        return reply.IsNull ? null : new RedisLockLease(db, resource, key, owner, (long)reply);
    }

    /// <summary>Retries with a short backoff until the lock is free or <paramref name="wait"/> has passed; null then.</summary>
    public async Task<RedisLockLease?> AcquireAsync(string resource, TimeSpan leaseTime, TimeSpan wait, CancellationToken ct = default)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        var backoff = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            if (await TryAcquireAsync(resource, leaseTime).WaitAsync(ct) is { } lease) return lease;
            if (DateTimeOffset.UtcNow + backoff > deadline) return null;
            await Task.Delay(backoff + TimeSpan.FromMilliseconds(Random.Shared.Next(5)), ct);
            backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 100));
        }
    }

    internal static long Milliseconds(TimeSpan leaseTime) => leaseTime > TimeSpan.Zero
        ? Math.Max(1, (long)Math.Ceiling(leaseTime.TotalMilliseconds))
        : throw new ArgumentOutOfRangeException(nameof(leaseTime), "A lease must be positive.");
}
