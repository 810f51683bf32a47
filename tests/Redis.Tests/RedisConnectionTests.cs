using ECommerce.TestInfrastructure;

namespace ECommerce.Redis.Tests;

public class RedisConnectionTests
{
    private static async Task<RedisConnection> ConnectAsync(string configuration)
    {
        var connection = await RedisConnection.ConnectAsync(configuration);
        Assert.True(connection.IsConnected);
        return connection;
    }

    [Fact]
    public async Task Concurrent_callers_share_one_pipelined_connection_and_each_gets_its_own_reply()
    {
        var server = await TestServers.SharedRedisAsync();
        await using var redis = await ConnectAsync(server.ConnectionString);
        var prefix = TestServers.NewName("k");

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => redis.ExecuteAsync("SET", $"{prefix}:{i}", $"v{i}")));
        var replies = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => redis.ExecuteAsync("GET", $"{prefix}:{i}")));
        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => redis.ExecuteAsync("INCR", $"{prefix}:counter")));

        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"v{i}"), replies.Select(r => r.ToString()));
        Assert.Equal("1000", (await redis.ExecuteAsync("GET", $"{prefix}:counter")).ToString());
    }

    [Fact]
    public async Task An_error_reply_throws_and_the_connection_keeps_working()
    {
        var server = await TestServers.SharedRedisAsync();
        await using var redis = await ConnectAsync(server.ConnectionString);
        var key = TestServers.NewName("list");
        await redis.ExecuteAsync("LPUSH", key, "x");

        var error = await Assert.ThrowsAsync<RedisException>(() => redis.ExecuteAsync("INCR", key));

        Assert.StartsWith("WRONGTYPE", error.Message);
        Assert.Equal(RespType.SimpleString, (await redis.ExecuteAsync("PING")).Type);
    }

    [Fact]
    public async Task Password_and_database_from_the_configuration_are_used()
    {
        await using var server = await TestServers.StartDedicatedRedisAsync();
        await using (var admin = await ConnectAsync(server.ConnectionString)) await admin.ExecuteAsync("CONFIG", "SET", "requirepass", "s3cret");
        await using var db3 = await ConnectAsync($"{server.ConnectionString},password=s3cret,defaultDatabase=3");
        await using var db0 = await ConnectAsync($"{server.ConnectionString},password=s3cret");

        await db3.ExecuteAsync("SET", "where", "three");

        Assert.Equal("three", (await db3.ExecuteAsync("GET", "where")).ToString());
        Assert.True((await db0.ExecuteAsync("GET", "where")).IsNull);
        await using var wrong = RedisConnection.Create($"{server.ConnectionString},password=nope");
        await Assert.ThrowsAsync<RedisConnectionException>(() => wrong.ExecuteAsync("PING"));
    }

    [Fact]
    public async Task A_server_restart_fails_calls_quickly_then_the_connection_recovers_by_itself()
    {
        await using var server = await TestServers.StartDedicatedRedisAsync();
        await using var redis = await ConnectAsync(server.ConnectionString);
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var successes = 0;
        var workload = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await redis.ExecuteAsync("INCR", "n"); Interlocked.Increment(ref successes); }
                catch (RedisConnectionException) { Interlocked.Increment(ref failures); await Task.Delay(5); }
            }
        });
        await WaitUntil(() => Volatile.Read(ref successes) > 100);

        await server.KillAsync();
        await WaitUntil(() => Volatile.Read(ref failures) > 0);
        await server.StartAsync();
        var successesAfterRestart = Volatile.Read(ref successes);
        await WaitUntil(() => Volatile.Read(ref successes) > successesAfterRestart + 100);
        stop.Cancel();
        await workload.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(redis.IsConnected);
        Assert.True(failures > 0);
    }

    [Fact]
    public async Task A_call_that_is_cancelled_before_it_is_sent_is_not_sent()
    {
        var server = await TestServers.SharedRedisAsync();
        await using var redis = await ConnectAsync(server.ConnectionString);
        var key = TestServers.NewName("cancel");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => redis.ExecuteAsync("SET", [key, "x"], new CancellationToken(true)));

        Assert.True((await redis.ExecuteAsync("GET", key)).IsNull);
    }

    [Fact]
    public async Task Disposing_after_a_lost_connection_is_clean()
    {
        await using var server = await TestServers.StartDedicatedRedisAsync();
        var redis = await ConnectAsync(server.ConnectionString);
        await server.KillAsync();
        await Assert.ThrowsAsync<RedisConnectionException>(async () => { while (true) await redis.ExecuteAsync("PING"); });

        await redis.DisposeAsync();
        await redis.DisposeAsync();

        Assert.False(redis.IsConnected);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
            await Task.Delay(10, timeout.Token);
    }
}
