namespace ECommerce.Redis;

public sealed partial class RedisDatabase
{
    /// <summary>The value, or null when the key does not exist.</summary>
    public async Task<string?> StringGetAsync(string key, CancellationToken ct = default) =>
        (await Execute("GET", [key], ct)).ToString();

    public async Task<byte[]?> StringGetBytesAsync(string key, CancellationToken ct = default) =>
        (await Execute("GET", [key], ct)).Bytes;

    /// <summary>SET with an optional expiry (PX) and condition (NX/XX); false when the condition kept it from being set.</summary>
    public Task<bool> StringSetAsync(string key, string value, TimeSpan? expiry = null, When when = When.Always, CancellationToken ct = default) =>
        Set(key, value, expiry, when, ct);

    public Task<bool> StringSetAsync(string key, byte[] value, TimeSpan? expiry = null, When when = When.Always, CancellationToken ct = default) =>
        Set(key, value, expiry, when, ct);

    /// <summary>INCRBY: the value after the increment (a missing key counts as 0).</summary>
    public async Task<long> StringIncrementAsync(string key, long by = 1, CancellationToken ct = default) =>
        (await Execute("INCRBY", [key, by], ct)).Integer;

    public async Task<long> StringDecrementAsync(string key, long by = 1, CancellationToken ct = default) =>
        (await Execute("DECRBY", [key, by], ct)).Integer;

    private async Task<bool> Set(string key, object value, TimeSpan? expiry, When when, CancellationToken ct)
    {
        var condition = when switch { When.NotExists => "NX", When.Exists => "XX", _ => null };
        object[] args = (expiry, condition) switch
        {
            (null, null) => [key, value],
            (null, { } c) => [key, value, c],
            ({ } e, null) => [key, value, "PX", Milliseconds(e)],
            ({ } e, { } c) => [key, value, "PX", Milliseconds(e), c],
        };
        return (await Execute("SET", args, ct)).IsOk;
    }
}
