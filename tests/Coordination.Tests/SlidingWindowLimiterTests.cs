using ECommerce.TestInfrastructure;
using StackExchange.Redis;

namespace ECommerce.Coordination.Tests;

public class SlidingWindowLimiterTests
{
    private static async Task<ConnectionMultiplexer> ConnectAsync() =>
        await ConnectionMultiplexer.ConnectAsync((await TestServers.SharedRedisAsync()).ConnectionString);

    [Fact]
    public async Task Hits_over_the_limit_are_refused_with_the_time_until_the_oldest_leaves_the_window()
    {
        await using var redis = await ConnectAsync();
        var limiter = new SlidingWindowLimiter(redis.GetDatabase());
        var key = TestServers.NewName("rl");

        var admitted = new List<SlidingWindowDecision>();
        for (var i = 0; i < 3; i++) admitted.Add(await limiter.HitAsync(key, 3, TimeSpan.FromMinutes(1)));
        var refused = await limiter.HitAsync(key, 3, TimeSpan.FromMinutes(1));
        var otherKey = await limiter.HitAsync(key + ":other", 3, TimeSpan.FromMinutes(1));

        Assert.Equal([1L, 2L, 3L], admitted.Select(d => d.Count));
        Assert.All(admitted, d => Assert.True(d.Allowed));
        Assert.False(refused.Allowed);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        Assert.True(otherKey.Allowed);
        Assert.Equal(3, await redis.GetDatabase().SortedSetLengthAsync(key)); // a refused hit is not recorded
    }

    [Fact]
    public async Task The_window_slides_so_hits_are_admitted_again_as_old_ones_age_out()
    {
        await using var redis = await ConnectAsync();
        var limiter = new SlidingWindowLimiter(redis.GetDatabase());
        var key = TestServers.NewName("slide");
        var window = TimeSpan.FromSeconds(1);

        Assert.True((await limiter.HitAsync(key, 2, window)).Allowed);
        Assert.True((await limiter.HitAsync(key, 2, window)).Allowed);
        Assert.False((await limiter.HitAsync(key, 2, window)).Allowed);

        await Poll.UntilAsync(async () => (await limiter.HitAsync(key, 2, window)).Allowed);
    }

    [Fact]
    public async Task Concurrent_hits_from_two_clients_never_exceed_the_shared_limit()
    {
        await using var one = await ConnectAsync();
        await using var two = await ConnectAsync();
        var key = TestServers.NewName("shared");
        var limiters = new[] { new SlidingWindowLimiter(one.GetDatabase()), new SlidingWindowLimiter(two.GetDatabase()) };

        var decisions = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => limiters[i % 2].HitAsync(key, 50, TimeSpan.FromMinutes(1))));

        Assert.Equal(50, decisions.Count(d => d.Allowed));
    }
}
