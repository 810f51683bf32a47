using ECommerce.TestInfrastructure;

namespace ECommerce.Redis.Tests;

public class RedisDatabaseTests
{
    private static async Task<(RedisConnection Connection, RedisDatabase Db)> ConnectAsync()
    {
        var server = await TestServers.SharedRedisAsync();
        var connection = await RedisConnection.ConnectAsync(server.ConnectionString);
        return (connection, connection.GetDatabase());
    }

    [Fact]
    public async Task Strings_are_set_read_conditioned_and_counted()
    {
        var (connection, db) = await ConnectAsync();
        await using var _ = connection;
        var key = TestServers.NewName("s");

        Assert.Null(await db.StringGetAsync(key));
        Assert.False(await db.StringSetAsync(key, "x", when: When.Exists));
        Assert.True(await db.StringSetAsync(key, "héllo", when: When.NotExists));
        Assert.False(await db.StringSetAsync(key, "other", when: When.NotExists));
        Assert.Equal("héllo", await db.StringGetAsync(key));
        Assert.True(await db.StringSetAsync(key, [1, 2, 3]));
        Assert.Equal([1, 2, 3], await db.StringGetBytesAsync(key));

        var counter = TestServers.NewName("n");
        Assert.Equal(1, await db.StringIncrementAsync(counter));
        Assert.Equal(11, await db.StringIncrementAsync(counter, 10));
        Assert.Equal(8, await db.StringDecrementAsync(counter, 3));
    }

    [Fact]
    public async Task Keys_expire_report_their_time_to_live_and_are_deleted()
    {
        var (connection, db) = await ConnectAsync();
        await using var _ = connection;
        var key = TestServers.NewName("k");

        await db.StringSetAsync(key, "v", TimeSpan.FromMinutes(1));
        var ttl = await db.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        Assert.True(await db.KeyExpireAsync(key, TimeSpan.FromHours(1)));
        Assert.True(await db.KeyTimeToLiveAsync(key) > TimeSpan.FromMinutes(59));
        await db.StringSetAsync(key, "forever");
        Assert.Null(await db.KeyTimeToLiveAsync(key));
        Assert.True(await db.KeyExistsAsync(key));
        Assert.True(await db.KeyDeleteAsync(key));
        Assert.False(await db.KeyDeleteAsync(key));
        Assert.False(await db.KeyExistsAsync(key));
        Assert.False(await db.KeyExpireAsync(key, TimeSpan.FromSeconds(1)));

        await db.StringSetAsync(key, "gone soon", TimeSpan.FromMilliseconds(50));
        await Poll.UntilAsync(async () => !await db.KeyExistsAsync(key));
    }

    [Fact]
    public async Task Hashes_hold_fields_that_are_read_incremented_and_deleted()
    {
        var (connection, db) = await ConnectAsync();
        await using var _ = connection;
        var key = TestServers.NewName("h");

        Assert.Empty(await db.HashGetAllAsync(key));
        Assert.True(await db.HashSetAsync(key, "a", "1"));
        Assert.False(await db.HashSetAsync(key, "a", "2"));
        await db.HashSetAsync(key, [new("b", "x"), new("c", "y")]);
        Assert.Equal(7, await db.HashIncrementAsync(key, "a", 5));

        Assert.Equal("7", await db.HashGetAsync(key, "a"));
        Assert.Null(await db.HashGetAsync(key, "missing"));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "7", ["b"] = "x", ["c"] = "y" }, await db.HashGetAllAsync(key));
        Assert.True(await db.HashDeleteAsync(key, "b"));
        Assert.False(await db.HashDeleteAsync(key, "b"));
        Assert.Equal(2, await db.HashLengthAsync(key));
    }

    [Fact]
    public async Task Sorted_sets_rank_members_by_score_both_ways()
    {
        var (connection, db) = await ConnectAsync();
        await using var _ = connection;
        var key = TestServers.NewName("z");

        Assert.True(await db.SortedSetAddAsync(key, "a", 1));
        Assert.Equal(2.5, await db.SortedSetIncrementAsync(key, "b", 2.5));
        Assert.Equal(5, await db.SortedSetIncrementAsync(key, "b", 2.5));
        await db.SortedSetIncrementAsync(key, "c", 3);

        Assert.Equal([new("b", 5), new("c", 3), new("a", 1)],
            await db.SortedSetRangeByRankWithScoresAsync(key, 0, -1, Order.Descending));
        Assert.Equal([new("a", 1), new("c", 3)], await db.SortedSetRangeByRankWithScoresAsync(key, 0, 1));
        Assert.Equal([new("c", 3), new("b", 5)], await db.SortedSetRangeByScoreWithScoresAsync(key, 2));
        Assert.Equal([new("c", 3)], await db.SortedSetRangeByScoreWithScoresAsync(key, order: Order.Descending, skip: 1, take: 1));
        Assert.Equal(5, await db.SortedSetScoreAsync(key, "b"));
        Assert.Null(await db.SortedSetScoreAsync(key, "nobody"));
        Assert.True(await db.SortedSetRemoveAsync(key, "a"));
        Assert.Equal(1, await db.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, 4));
        Assert.Equal(1, await db.SortedSetLengthAsync(key));
    }

    [Fact]
    public async Task Publish_reports_no_receivers_when_nobody_listens()
    {
        var (connection, db) = await ConnectAsync();
        await using var _ = connection;

        Assert.Equal(0, await db.PublishAsync(TestServers.NewName("ch"), "hello"));
    }
}
