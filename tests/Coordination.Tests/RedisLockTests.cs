using ECommerce.TestInfrastructure;
using StackExchange.Redis;

namespace ECommerce.Coordination.Tests;

public class RedisLockTests
{
    /// <summary>
    /// The protected resource: it keeps the largest fencing token it has accepted and refuses writes with a smaller
    /// one, atomically (here a value in Redis guarded by a script; in a database, an UPDATE ... WHERE token &lt;= @token).
    /// </summary>
    private static readonly LuaScript FencedWrite = LuaScript.Prepare("""
        local seen = tonumber(redis.call('HGET', @resource, 'token') or '0')
        if tonumber(@token) < seen then return 0 end
        redis.call('HSET', @resource, 'token', @token, 'value', @value)
        return 1
        """);

    private static async Task<bool> WriteAsync(IDatabase db, string resource, RedisLockLease lease, string value) =>
        (long)await db.ScriptEvaluateAsync(FencedWrite, new { resource = (RedisKey)resource, token = lease.FencingToken, value }) == 1;

    private static async Task<ConnectionMultiplexer> ConnectAsync(bool allowAdmin = false) =>
        await ConnectionMultiplexer.ConnectAsync($"{(await TestServers.SharedRedisAsync()).ConnectionString},allowAdmin={allowAdmin}");

    [Fact]
    public async Task A_holder_whose_lease_expired_cannot_write_with_its_stale_token()
    {
        await using var redis = await ConnectAsync();
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
        Assert.Equal("fast", (string?)await db.HashGetAsync(resource, "value"));
        Assert.False(await slow.ExtendAsync(TimeSpan.FromSeconds(30)));
        Assert.False(await slow.ReleaseAsync());
        Assert.True(await db.KeyExistsAsync(RedisLock.KeyPrefix + name)); // the stale holder did not delete the new holder's lock
        Assert.True(await fast.ReleaseAsync());
        Assert.False(await db.KeyExistsAsync(RedisLock.KeyPrefix + name));
    }

    [Fact]
    public async Task Only_one_of_many_concurrent_callers_gets_the_lock_and_tokens_only_grow()
    {
        await using var redis = await ConnectAsync();
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
        await using var redis = await ConnectAsync();
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

    [Fact]
    public async Task The_lock_still_works_after_the_server_forgot_its_scripts()
    {
        await using var redis = await ConnectAsync(allowAdmin: true);
        var locks = new RedisLock(redis.GetDatabase());
        var name = TestServers.NewName("flush");
        await using (var first = await locks.TryAcquireAsync(name, TimeSpan.FromSeconds(30))) Assert.NotNull(first);

        // A restart or SCRIPT FLUSH empties the script cache: EVALSHA answers NOSCRIPT and the client sends the source again.
        await redis.GetServers().Single().ScriptFlushAsync();
        await using var second = await locks.TryAcquireAsync(name, TimeSpan.FromSeconds(30));

        Assert.NotNull(second);
    }
}
