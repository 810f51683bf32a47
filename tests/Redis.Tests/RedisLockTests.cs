using ECommerce.TestInfrastructure;

namespace ECommerce.Redis.Tests;

public class RedisLockTests
{
    /// <summary>
    /// The protected resource: it keeps the largest fencing token it has accepted and refuses writes with a smaller
    /// one, atomically (here a value in Redis guarded by a script; in a database, an UPDATE ... WHERE token &lt;= @token).
    /// </summary>
    private static readonly RedisScript FencedWrite = new("""
        local seen = tonumber(redis.call('HGET', KEYS[1], 'token') or '0')
        if tonumber(ARGV[1]) < seen then return 0 end
        redis.call('HSET', KEYS[1], 'token', ARGV[1], 'value', ARGV[2])
        return 1
        """);

    private static async Task<bool> WriteAsync(RedisDatabase db, string resource, RedisLockLease lease, string value) =>
        (await db.ScriptEvaluateAsync(FencedWrite, [resource], [lease.FencingToken, value])).AsInt64() == 1;

    [Fact]
    public async Task A_holder_whose_lease_expired_cannot_write_with_its_stale_token()
    {
        var server = await TestServers.SharedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync(server.ConnectionString);
        var db = redis.GetDatabase();
        var locks = new RedisLock(db);
        var (name, resource) = (TestServers.NewName("stock"), TestServers.NewName("resource"));

        var slow = await locks.TryAcquireAsync(name, TimeSpan.FromMilliseconds(100));
        Assert.NotNull(slow);
        Assert.True(await WriteAsync(db, resource, slow, "slow-1"));
        // The slow holder stalls past its lease (a GC pause, a slow call); the lock frees itself.
        await Poll.UntilAsync(async () => !await db.KeyExistsAsync(RedisLock.KeyPrefix + name));
        var fast = await locks.TryAcquireAsync(name, TimeSpan.FromSeconds(30));
        Assert.NotNull(fast);
        Assert.True(await WriteAsync(db, resource, fast, "fast"));

        Assert.True(fast.FencingToken > slow.FencingToken);
        Assert.False(await WriteAsync(db, resource, slow, "slow-2"));
        Assert.Equal("fast", await db.HashGetAsync(resource, "value"));
        Assert.False(await slow.ExtendAsync(TimeSpan.FromSeconds(30)));
        Assert.False(await slow.ReleaseAsync());
        Assert.True(await db.KeyExistsAsync(RedisLock.KeyPrefix + name)); // the stale holder did not delete the new holder's lock
        Assert.True(await fast.ReleaseAsync());
        Assert.False(await db.KeyExistsAsync(RedisLock.KeyPrefix + name));
    }

    [Fact]
    public async Task Only_one_of_many_concurrent_callers_gets_the_lock_and_tokens_only_grow()
    {
        var server = await TestServers.SharedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync(server.ConnectionString);
        var locks = new RedisLock(redis.GetDatabase());
        var name = TestServers.NewName("flash");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => locks.TryAcquireAsync(name, TimeSpan.FromSeconds(30))));
        var winner = Assert.Single(attempts, a => a is not null)!;
        await winner.DisposeAsync();
        var tokens = new List<long> { winner.FencingToken };
        for (var i = 0; i < 5; i++)
        {
            await using var lease = await locks.TryAcquireAsync(name, TimeSpan.FromSeconds(30));
            Assert.NotNull(lease);
            tokens.Add(lease.FencingToken);
        }

        Assert.Equal(tokens.Order(), tokens);
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public async Task An_owner_extends_its_lease_and_a_waiter_gets_the_lock_once_it_is_released()
    {
        var server = await TestServers.SharedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync(server.ConnectionString);
        var db = redis.GetDatabase();
        var locks = new RedisLock(db);
        var name = TestServers.NewName("ext");

        var holder = await locks.TryAcquireAsync(name, TimeSpan.FromSeconds(1));
        Assert.NotNull(holder);
        Assert.True(await holder.ExtendAsync(TimeSpan.FromMinutes(5)));
        Assert.True(await db.KeyTimeToLiveAsync(RedisLock.KeyPrefix + name) > TimeSpan.FromMinutes(4));
        Assert.Null(await locks.AcquireAsync(name, TimeSpan.FromSeconds(5), wait: TimeSpan.FromMilliseconds(50)));

        var waiter = locks.AcquireAsync(name, TimeSpan.FromSeconds(5), wait: TimeSpan.FromSeconds(20));
        await holder.ReleaseAsync();
        var next = await waiter;

        Assert.NotNull(next);
        Assert.True(next.FencingToken > holder.FencingToken);
    }
}
