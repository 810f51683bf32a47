using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ECommerce.Redis;

/// <summary>
/// Pub/sub (StackExchange.Redis's ISubscriber) on a dedicated connection: a subscribed RESP2 connection can run
/// no other command. The channels subscribed to are remembered and subscribed again every time the connection
/// comes back, so a server restart loses only the messages published while it was down (pub/sub never stores).
/// Handlers run on the connection's reader loop: keep them short and non-blocking.
/// </summary>
public sealed class RedisSubscriber : IAsyncDisposable
{
    private readonly RedisConnection _publisher;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Action<string, string>> _handlers = new();
    private readonly RedisConnection _connection;

    internal RedisSubscriber(RedisConnection publisher, RedisOptions options, ILogger logger)
    {
        (_publisher, _logger) = (publisher, logger);
        _connection = new RedisConnection(options, logger, OnPush, ResubscribeAsync);
    }

    public bool IsConnected => _connection.IsConnected;

    /// <summary>
    /// Adds <paramref name="handler"/> for <paramref name="channel"/>. Returns once the server confirmed the
    /// subscription; while Redis is down it returns at once and the subscription takes effect on reconnect.
    /// </summary>
    public async Task SubscribeAsync(string channel, Action<string, string> handler, CancellationToken ct = default)
    {
        _handlers.AddOrUpdate(channel, handler, (_, existing) => existing + handler);
        try
        {
            await _connection.WaitForFirstAttemptAsync().WaitAsync(ct);
            await _connection.ExecuteAsync("SUBSCRIBE", [channel], ct);
        }
        catch (Exception ex) when (ex is RedisConnectionException or TimeoutException)
        {
            _logger.LogWarning("Subscription to {Channel} waits for Redis to come back: {Reason}", channel, ex.Message);
        }
    }

    /// <summary>Removes every handler of <paramref name="channel"/> and unsubscribes from it.</summary>
    public async Task UnsubscribeAsync(string channel, CancellationToken ct = default)
    {
        if (!_handlers.TryRemove(channel, out _)) return;
        try { await _connection.ExecuteAsync("UNSUBSCRIBE", [channel], ct); }
        catch (RedisConnectionException) { /* not subscribed anyway once the connection is gone */ }
    }

    /// <summary>Publishes on the shared command connection; returns how many subscribers received it.</summary>
    public Task<long> PublishAsync(string channel, string message, CancellationToken ct = default) =>
        _publisher.GetDatabase().PublishAsync(channel, message, ct);

    private async Task ResubscribeAsync(RedisConnection connection, CancellationToken ct)
    {
        var channels = _handlers.Keys.ToArray();
        await Task.WhenAll(channels.Select(c => connection.ExecuteAsync("SUBSCRIBE", [c], ct)));
        if (channels.Length > 0) _logger.LogInformation("Resubscribed to {Count} Redis channels", channels.Length);
    }

    private void OnPush(RespValue push)
    {
        // ["message", channel, payload] or ["pmessage", pattern, channel, payload]
        var items = push.Items!;
        var (channel, payload) = items.Length == 4 ? (items[2], items[3]) : (items[1], items[2]);
        var name = Encoding.UTF8.GetString(channel.Bytes ?? []);
        if (!_handlers.TryGetValue(name, out var handler)) return;
        try
        {
            handler(name, payload.ToString() ?? "");
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A handler for Redis channel {Channel} failed", name);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
