using ECommerce.TestInfrastructure;

namespace ECommerce.Redis.Tests;

public class RedisScriptTests
{
    private static readonly RedisScript AddToKey = new("return redis.call('INCRBY', KEYS[1], ARGV[1])");

    [Fact]
    public async Task A_prepared_script_runs_by_its_hash_and_survives_a_script_flush()
    {
        var server = await TestServers.SharedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync(server.ConnectionString);
        var db = redis.GetDatabase();
        var key = TestServers.NewName("script");

        Assert.Equal(5, (await db.ScriptEvaluateAsync(AddToKey, [key], [5])).AsInt64()); // NOSCRIPT -> EVAL loads it
        var loaded = await db.ExecuteAsync("SCRIPT", ["EXISTS", AddToKey.Sha1]);
        Assert.Equal(1, loaded.AsArray()[0].Integer);
        Assert.Equal(7, (await db.ScriptEvaluateAsync(AddToKey, [key], [2])).AsInt64());

        await db.ExecuteAsync("SCRIPT", ["FLUSH"]);
        Assert.Equal(10, (await db.ScriptEvaluateAsync(AddToKey, [key], [3])).AsInt64());
        Assert.Equal("10", await db.StringGetAsync(key));
    }

    [Fact]
    public async Task A_script_error_is_reported_as_a_redis_error()
    {
        var server = await TestServers.SharedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync(server.ConnectionString);

        var error = await Assert.ThrowsAsync<RedisException>(() =>
            redis.GetDatabase().ScriptEvaluateAsync(new RedisScript("return redis.call('NOPE')")));

        Assert.IsNotType<RedisConnectionException>(error);
        Assert.Contains("Unknown Redis command", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_hash_is_the_one_redis_computes()
    {
        // SHA1("return 1"), as SCRIPT LOAD answers it.
        Assert.Equal("e0e1f9fabfc9d4800c877a703b823ac0578ff8db", new RedisScript("return 1").Sha1);
    }
}
