namespace ECommerce.Redis;

/// <summary>
/// A held lock. <see cref="FencingToken"/> goes with every write to the protected resource, which rejects tokens
/// smaller than the largest it has seen. Disposing releases the lock if this lease still owns it.
/// </summary>
public sealed class RedisLockLease : IAsyncDisposable
{
    private static readonly RedisScript Release = new("""
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """);

    private static readonly RedisScript Extend = new("""
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 0
        """);

    private readonly RedisDatabase _db;
    private readonly string _key;

    internal RedisLockLease(RedisDatabase db, string resource, string key, string owner, long fencingToken) =>
        (_db, Resource, _key, Owner, FencingToken) = (db, resource, key, owner, fencingToken);

    public string Resource { get; }

    /// <summary>Random per acquisition: what release and extend compare with the lock's value.</summary>
    public string Owner { get; }

    /// <summary>Larger than the token of every earlier acquisition of the same resource.</summary>
    public long FencingToken { get; }

    /// <summary>Pushes the lease out to <paramref name="leaseTime"/> from now; false when the lease was lost already.</summary>
    public async Task<bool> ExtendAsync(TimeSpan leaseTime, CancellationToken ct = default) =>
        (await _db.ScriptEvaluateAsync(Extend, [_key], [Owner, RedisLock.Milliseconds(leaseTime)], ct)).AsInt64() == 1;

    /// <summary>Deletes the lock if this lease still owns it; false when it had expired (and maybe been taken by another).</summary>
    public async Task<bool> ReleaseAsync(CancellationToken ct = default) =>
        (await _db.ScriptEvaluateAsync(Release, [_key], [Owner], ct)).AsInt64() == 1;

    public async ValueTask DisposeAsync()
    {
        try { await ReleaseAsync(); }
        catch (RedisConnectionException) { /* the lease runs out by itself */ }
    }
}
