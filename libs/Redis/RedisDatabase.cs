namespace ECommerce.Redis;

/// <summary>
/// The typed commands, named as StackExchange.Redis's IDatabase names them (StringGetAsync, HashSetAsync,
/// SortedSetIncrementAsync, ScriptEvaluateAsync, ...). Every call goes through the shared pipelined connection,
/// so concurrent callers' commands travel together; a call fails with <see cref="RedisConnectionException"/>
/// (never hangs) when the connection is down. Keys and values are UTF-8 strings; byte[] values where noted.
/// </summary>
public sealed partial class RedisDatabase
{
    private readonly RedisConnection _connection;

    internal RedisDatabase(RedisConnection connection) => _connection = connection;

    public RedisConnection Connection => _connection;

    /// <summary>Any command not covered by a typed method.</summary>
    public Task<RespValue> ExecuteAsync(string command, IReadOnlyList<object> args, CancellationToken ct = default) =>
        _connection.ExecuteAsync(command, args, ct);

    public Task<TimeSpan> PingAsync(CancellationToken ct = default) => _connection.PingAsync(ct);

    public async Task<bool> KeyDeleteAsync(string key, CancellationToken ct = default) =>
        (await Execute("DEL", [key], ct)).Integer == 1;

    public async Task<long> KeyDeleteAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default) =>
        keys.Count == 0 ? 0 : (await Execute("DEL", [.. keys], ct)).Integer;

    public async Task<bool> KeyExistsAsync(string key, CancellationToken ct = default) =>
        (await Execute("EXISTS", [key], ct)).Integer == 1;

    /// <summary>Sets a time to live (PEXPIRE); false when the key does not exist.</summary>
    public async Task<bool> KeyExpireAsync(string key, TimeSpan expiry, CancellationToken ct = default) =>
        (await Execute("PEXPIRE", [key, Milliseconds(expiry)], ct)).Integer == 1;

    /// <summary>The remaining time to live (PTTL); null when the key does not exist or never expires.</summary>
    public async Task<TimeSpan?> KeyTimeToLiveAsync(string key, CancellationToken ct = default)
    {
        var ms = (await Execute("PTTL", [key], ct)).Integer;
        return ms < 0 ? null : TimeSpan.FromMilliseconds(ms);
    }

    /// <summary>Returns how many subscribers received the message.</summary>
    public async Task<long> PublishAsync(string channel, string message, CancellationToken ct = default) =>
        (await Execute("PUBLISH", [channel, message], ct)).Integer;

    /// <summary>
    /// Runs a prepared script by EVALSHA; on NOSCRIPT (server restarted, SCRIPT FLUSH) once more by EVAL.
    /// </summary>
    public async Task<RespValue> ScriptEvaluateAsync(RedisScript script, IReadOnlyList<string>? keys = null,
        IReadOnlyList<object>? values = null, CancellationToken ct = default)
    {
        keys ??= [];
        values ??= [];
        object[] Args(string first)
        {
            var args = new object[2 + keys.Count + values.Count];
            (args[0], args[1]) = (first, keys.Count);
            for (var i = 0; i < keys.Count; i++) args[2 + i] = keys[i];
            for (var i = 0; i < values.Count; i++) args[2 + keys.Count + i] = values[i];
            return args;
        }
        try
        {
            return await Execute("EVALSHA", Args(script.Sha1), ct);
        }
        catch (RedisException ex) when (ex is not RedisConnectionException && ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await Execute("EVAL", Args(script.Source), ct);
        }
    }

    private Task<RespValue> Execute(string command, object[] args, CancellationToken ct) =>
        _connection.ExecuteAsync(command, args, ct);

    private static long Milliseconds(TimeSpan value) =>
        value > TimeSpan.Zero ? Math.Max(1, (long)Math.Ceiling(value.TotalMilliseconds)) : throw new ArgumentOutOfRangeException(nameof(value), "An expiry must be positive.");
}
