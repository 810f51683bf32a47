namespace ECommerce.Redis;

public sealed partial class RedisDatabase
{
    /// <summary>True when the member is new.</summary>
    public async Task<bool> SortedSetAddAsync(string key, string member, double score, CancellationToken ct = default) =>
        (await Execute("ZADD", [key, RespProtocol.FormatDouble(score), member], ct)).Integer == 1;

    /// <summary>ZINCRBY: the member's score after the increment.</summary>
    public async Task<double> SortedSetIncrementAsync(string key, string member, double by, CancellationToken ct = default) =>
        (await Execute("ZINCRBY", [key, RespProtocol.FormatDouble(by), member], ct)).AsDouble();

    public async Task<double?> SortedSetScoreAsync(string key, string member, CancellationToken ct = default) =>
        (await Execute("ZSCORE", [key, member], ct)).AsNullableDouble();

    public async Task<bool> SortedSetRemoveAsync(string key, string member, CancellationToken ct = default) =>
        (await Execute("ZREM", [key, member], ct)).Integer == 1;

    public async Task<long> SortedSetLengthAsync(string key, CancellationToken ct = default) =>
        (await Execute("ZCARD", [key], ct)).Integer;

    /// <summary>Members by rank with scores: start=0, stop=9, Descending is the top ten (a leaderboard).</summary>
    public async Task<SortedSetEntry[]> SortedSetRangeByRankWithScoresAsync(string key, long start = 0, long stop = -1,
        Order order = Order.Ascending, CancellationToken ct = default) =>
        Entries(await Execute(order == Order.Descending ? "ZREVRANGE" : "ZRANGE", [key, start, stop, "WITHSCORES"], ct));

    /// <summary>Members with min &lt;= score &lt;= max with scores, optionally paged (skip/take).</summary>
    public async Task<SortedSetEntry[]> SortedSetRangeByScoreWithScoresAsync(string key, double min = double.NegativeInfinity,
        double max = double.PositiveInfinity, Order order = Order.Ascending, long skip = 0, long take = -1, CancellationToken ct = default)
    {
        var (from, to) = order == Order.Descending ? (max, min) : (min, max);
        List<object> args = [key, RespProtocol.FormatDouble(from), RespProtocol.FormatDouble(to), "WITHSCORES"];
        if (skip != 0 || take != -1) args.AddRange(["LIMIT", skip, take]);
        return Entries(await Execute(order == Order.Descending ? "ZREVRANGEBYSCORE" : "ZRANGEBYSCORE", [.. args], ct));
    }

    public async Task<long> SortedSetRemoveRangeByScoreAsync(string key, double min, double max, CancellationToken ct = default) =>
        (await Execute("ZREMRANGEBYSCORE", [key, RespProtocol.FormatDouble(min), RespProtocol.FormatDouble(max)], ct)).Integer;

    private static SortedSetEntry[] Entries(RespValue reply)
    {
        var items = reply.AsArray();
        var entries = new SortedSetEntry[items.Count / 2];
        for (var i = 0; i < entries.Length; i++)
            entries[i] = new SortedSetEntry(items[2 * i].ToString()!, items[2 * i + 1].AsDouble());
        return entries;
    }
}
