namespace ECommerce.Redis;

public sealed partial class RedisDatabase
{
    public async Task<string?> HashGetAsync(string key, string field, CancellationToken ct = default) =>
        (await Execute("HGET", [key, field], ct)).ToString();

    /// <summary>True when the field is new, false when it was overwritten.</summary>
    public async Task<bool> HashSetAsync(string key, string field, string value, CancellationToken ct = default) =>
        (await Execute("HSET", [key, field, value], ct)).Integer == 1;

    public async Task HashSetAsync(string key, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct = default)
    {
        var args = new List<object> { key };
        foreach (var (field, value) in fields) args.AddRange([field, value]);
        if (args.Count > 1) await Execute("HSET", [.. args], ct);
    }

    /// <summary>Every field and value; empty when the key does not exist.</summary>
    public async Task<Dictionary<string, string>> HashGetAllAsync(string key, CancellationToken ct = default)
    {
        var items = (await Execute("HGETALL", [key], ct)).AsArray();
        var result = new Dictionary<string, string>(items.Count / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < items.Count; i += 2) result[items[i].ToString()!] = items[i + 1].ToString()!;
        return result;
    }

    public async Task<bool> HashDeleteAsync(string key, string field, CancellationToken ct = default) =>
        (await Execute("HDEL", [key, field], ct)).Integer == 1;

    public async Task<long> HashIncrementAsync(string key, string field, long by = 1, CancellationToken ct = default) =>
        (await Execute("HINCRBY", [key, field, by], ct)).Integer;

    public async Task<long> HashLengthAsync(string key, CancellationToken ct = default) =>
        (await Execute("HLEN", [key], ct)).Integer;
}
