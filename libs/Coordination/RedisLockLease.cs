using StackExchange.Redis;

namespace ECommerce.Coordination;

/// <summary>
/// A held lock. <see cref="FencingToken"/> goes with every write to the protected resource, which rejects tokens
/// smaller than the largest it has seen. Disposing releases the lock if this lease still owns it.
/// </summary>
public sealed class RedisLockLease : IAsyncDisposable
{
    private static readonly LuaScript Release = LuaScript.Prepare("""
        if redis.call('GET', @key) == @owner then return redis.call('DEL', @key) end
        return 0
        """);

    private static readonly LuaScript Extend = LuaScript.Prepare("""
        if redis.call('GET', @key) == @owner then return redis.call('PEXPIRE', @key, @leaseMs) end
        return 0
        """);

    private readonly IDatabase _db;
    private readonly RedisKey _key;

    internal RedisLockLease(IDatabase db, string resource, string key, string owner, long fencingToken) =>
        (_db, Resource, _key, Owner, FencingToken) = (db, resource, key, owner, fencingToken);

    public string Resource { get; }

    /// <summary>Random per acquisition: what release and extend compare with the lock's value.</summary>
    public string Owner { get; }

    /// <summary>Larger than the token of every earlier acquisition of the same resource.</summary>
    public long FencingToken { get; }

    /// <summary>Pushes the lease out to <paramref name="leaseTime"/> from now; false when the lease was lost already.</summary>
    public async Task<bool> ExtendAsync(TimeSpan leaseTime) =>
        (long)await _db.ScriptEvaluateAsync(Extend, new { key = _key, owner = Owner, leaseMs = RedisLock.Milliseconds(leaseTime) }) == 1;

    /// <summary>Deletes the lock if this lease still owns it; false when it had expired (and maybe been taken by another).</summary>
    public async Task<bool> ReleaseAsync() =>
        (long)await _db.ScriptEvaluateAsync(Release, new { key = _key, owner = Owner }) == 1;

    public async ValueTask DisposeAsync()
    {
        try { await ReleaseAsync(); }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException) { /* the lease runs out by itself */ }
    }
}
