using ECommerce.TestInfrastructure;

namespace ECommerce.Redis.Tests;

public class RedisOutageTests
{
    [Fact]
    public async Task A_restart_under_a_concurrent_workload_fails_calls_fast_then_recovers_without_crossed_replies()
    {
        await using var server = await TestServers.StartDedicatedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync($"{server.ConnectionString},asyncTimeout=3000");
        var db = redis.GetDatabase();
        using var stop = new CancellationTokenSource();
        var (successes, failures, crossed) = (0, 0, 0);
        var unexpected = new List<Exception>();

        // Each worker writes and reads back its own values: a reply delivered to the wrong caller shows up as a mismatch.
        var workers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var (key, value) = ($"w{w}", $"{w}:{i}");
                try
                {
                    var set = db.StringSetAsync(key, value);
                    var get = db.StringGetAsync(key);
                    await set;
                    if (await get != value) Interlocked.Increment(ref crossed);
                    Interlocked.Increment(ref successes);
                }
                catch (RedisConnectionException)
                {
                    Interlocked.Increment(ref failures);
                    await Task.Delay(5);
                }
                catch (Exception ex)
                {
                    lock (unexpected) unexpected.Add(ex);
                }
            }
        })).ToArray();

        await Poll.UntilAsync(() => Volatile.Read(ref successes) > 500);
        await server.KillAsync();
        await Poll.UntilAsync(() => Volatile.Read(ref failures) > 50);
        await server.StartAsync();
        var before = Volatile.Read(ref successes);
        await Poll.UntilAsync(() => Volatile.Read(ref successes) > before + 500);
        stop.Cancel();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(10)); // nobody hangs

        Assert.Empty(unexpected);
        Assert.Equal(0, crossed);
    }

    [Fact]
    public async Task A_call_to_a_down_server_fails_at_once_with_a_connection_exception()
    {
        await using var server = await TestServers.StartDedicatedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync(server.ConnectionString);
        await server.KillAsync();
        await Poll.UntilAsync(() => !redis.IsConnected);

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() =>
            redis.GetDatabase().StringGetAsync("k").WaitAsync(TimeSpan.FromSeconds(2)));

        Assert.Contains($"{server.Port}", error.Message);
    }

    [Fact]
    public async Task A_paused_server_times_calls_out_and_the_connection_stays_in_step_after_it_resumes()
    {
        await using var server = await TestServers.StartDedicatedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync($"{server.ConnectionString},asyncTimeout=300");
        var db = redis.GetDatabase();
        await db.StringSetAsync("a", "1");
        await db.StringSetAsync("b", "2");

        await server.PauseAsync();
        try
        {
            await Assert.ThrowsAsync<RedisTimeoutException>(() => db.StringGetAsync("a").WaitAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            await server.ResumeAsync();
        }

        // The late reply to the timed-out GET a is dropped, not handed to the next caller.
        Assert.Equal("2", await db.StringGetAsync("b"));
        Assert.Equal("1", await db.StringGetAsync("a"));
    }
}
