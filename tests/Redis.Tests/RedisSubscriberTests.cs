using System.Collections.Concurrent;
using ECommerce.TestInfrastructure;

namespace ECommerce.Redis.Tests;

public class RedisSubscriberTests
{
    [Fact]
    public async Task A_subscriber_receives_what_is_published_on_its_channels_only()
    {
        var server = await TestServers.SharedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync(server.ConnectionString);
        var subscriber = redis.GetSubscriber();
        var (mine, other) = (TestServers.NewName("mine"), TestServers.NewName("other"));
        var received = new ConcurrentQueue<(string Channel, string Message)>();

        await subscriber.SubscribeAsync(mine, (c, m) => received.Enqueue((c, m)));
        Assert.Equal(1, await subscriber.PublishAsync(mine, "one"));
        Assert.Equal(0, await redis.GetDatabase().PublishAsync(other, "not for me"));
        Assert.Equal(1, await redis.GetDatabase().PublishAsync(mine, "two"));
        await Poll.UntilAsync(() => received.Count == 2);

        Assert.Equal([(mine, "one"), (mine, "two")], received.ToArray());
        await subscriber.UnsubscribeAsync(mine);
        Assert.Equal(0, await subscriber.PublishAsync(mine, "after"));
    }

    [Fact]
    public async Task Subscriptions_come_back_after_the_server_restarts()
    {
        await using var server = await TestServers.StartDedicatedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync(server.ConnectionString);
        var received = new ConcurrentQueue<string>();
        await redis.GetSubscriber().SubscribeAsync("invalidations", (_, m) => received.Enqueue(m));
        Assert.Equal(1, await redis.GetDatabase().PublishAsync("invalidations", "before"));

        await server.KillAsync();
        await Poll.UntilAsync(() => !redis.GetSubscriber().IsConnected);
        await server.StartAsync();

        // Publish until the resubscribed connection counts as a receiver: no sleep guessing the reconnect time.
        await Poll.UntilAsync(async () =>
        {
            try { return await redis.GetDatabase().PublishAsync("invalidations", "after") == 1; }
            catch (RedisConnectionException) { return false; }
        });
        await Poll.UntilAsync(() => received.Contains("after"));
        Assert.Equal("before", received.First());
    }

    [Fact]
    public async Task Subscribing_while_redis_is_down_takes_effect_when_it_returns()
    {
        await using var server = await TestServers.StartDedicatedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync(server.ConnectionString);
        await server.KillAsync();
        await Poll.UntilAsync(() => !redis.IsConnected);
        var received = new ConcurrentQueue<string>();

        await redis.GetSubscriber().SubscribeAsync("late", (_, m) => received.Enqueue(m));
        await server.StartAsync();

        await Poll.UntilAsync(async () =>
        {
            try { return await redis.GetDatabase().PublishAsync("late", "hello") == 1; }
            catch (RedisConnectionException) { return false; }
        });
        await Poll.UntilAsync(() => received.Contains("hello"));
    }
}
