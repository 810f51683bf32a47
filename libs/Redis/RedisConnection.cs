using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ECommerce.Redis;

/// <summary>
/// One multiplexed, pipelined connection shared by all callers (the shape of StackExchange.Redis's
/// ConnectionMultiplexer): commands queue up, one writer batches them onto the socket, one reader matches
/// replies to callers in order. When the socket fails, in-flight calls fail with
/// <see cref="RedisConnectionException"/> and the connection reconnects with backoff on its own.
/// <see cref="GetDatabase"/> gives the typed commands, <see cref="GetSubscriber"/> pub/sub on a dedicated connection.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly RedisOptions _options;
    private readonly ILogger _logger;
    private readonly Action<RespValue>? _onPush;
    private readonly Func<RedisConnection, CancellationToken, Task>? _onConnected;
    private readonly CancellationTokenSource _disposed = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lazy<RedisSubscriber> _subscriber;
    private readonly Task _loop;
    private volatile Session? _session;
    private int _disposeCalled;

    internal RedisConnection(RedisOptions options, ILogger logger, Action<RespValue>? onPush = null, Func<RedisConnection, CancellationToken, Task>? onConnected = null)
    {
        (_options, _logger, _onPush, _onConnected) = (options, logger, onPush, onConnected);
        Database = new RedisDatabase(this);
        _subscriber = new Lazy<RedisSubscriber>(() => new RedisSubscriber(this, options, logger));
        _loop = Task.Run(ConnectLoopAsync);
    }

    public RedisOptions Options => _options;
    public bool IsConnected => _session is { IsOpen: true };
    private RedisDatabase Database { get; }

    /// <summary>Starts connecting; returns once the first attempt finished (connected or not).</summary>
    public static async Task<RedisConnection> ConnectAsync(string configuration, ILogger? logger = null)
    {
        var connection = Create(configuration, logger);
        await connection.WaitForFirstAttemptAsync();
        return connection;
    }

    /// <summary>Starts connecting in the background without waiting.</summary>
    public static RedisConnection Create(string configuration, ILogger? logger = null) =>
        new(RedisOptions.Parse(configuration), logger ?? NullLogger.Instance);

    internal Task WaitForFirstAttemptAsync() => _firstAttempt.Task.WaitAsync(_options.ConnectTimeout + TimeSpan.FromSeconds(1));

    /// <summary>The typed commands (StackExchange.Redis's IDatabase); cheap, one per connection.</summary>
    public RedisDatabase GetDatabase() => Database;

    /// <summary>Pub/sub on its own connection (a subscribed connection can run no other command); created on first use.</summary>
    public RedisSubscriber GetSubscriber() => _subscriber.Value;

    public Task<RespValue> ExecuteAsync(string command, params object[] args) =>
        ExecuteAsync(command, args, CancellationToken.None);

    public Task<RespValue> ExecuteAsync(string command, IReadOnlyList<object> args, CancellationToken ct)
    {
        if (RedisTelemetry.IsEnabled) return ExecuteObservedAsync(command, args, ct);
        // Nobody listens: no span, no measurement, and no async state machine of our own on the hot path.
        var session = _session;
        return session is { IsOpen: true }
            ? session.SendAsync(command, args, ct)
            : Task.FromException<RespValue>(NotConnected());
    }

    private RedisConnectionException NotConnected() => new($"Not connected to Redis at {_options.Host}:{_options.Port}.");

    private async Task<RespValue> ExecuteObservedAsync(string command, IReadOnlyList<object> args, CancellationToken ct)
    {
        var activity = RedisTelemetry.Start(command, _options);
        var started = Stopwatch.GetTimestamp();
        Exception? error = null;
        try
        {
            var session = _session;
            if (session is not { IsOpen: true }) throw NotConnected();
            return await session.SendAsync(command, args, ct);
        }
        catch (Exception ex)
        {
            error = ex;
            throw;
        }
        finally
        {
            RedisTelemetry.Stop(activity, command, started, error);
        }
    }

    public async Task<TimeSpan> PingAsync(CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        await ExecuteAsync("PING", [], ct);
        return Stopwatch.GetElapsedTime(started);
    }

    private async Task ConnectLoopAsync()
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!_disposed.IsCancellationRequested)
        {
            Session? session = null;
            try
            {
                session = await Session.OpenAsync(_options, _onPush, _disposed.Token);
                _session = session;
                if (_onConnected is not null) await _onConnected(this, _disposed.Token);
                _logger.LogInformation("Connected to Redis {Host}:{Port}", _options.Host, _options.Port);
                delay = TimeSpan.FromMilliseconds(100);
                _firstAttempt.TrySetResult();
                await session.Completion;
                _logger.LogWarning("Redis connection to {Host}:{Port} lost; reconnecting", _options.Host, _options.Port);
            }
            catch (Exception ex) when (!_disposed.IsCancellationRequested)
            {
                _firstAttempt.TrySetResult();
                _logger.LogDebug("Redis connect to {Host}:{Port} failed: {Reason}", _options.Host, _options.Port, ex.Message);
            }
            catch (OperationCanceledException) { }
            finally
            {
                if (session is not null) await session.DisposeAsync();
            }
            try { await Task.Delay(delay, _disposed.Token); } catch (OperationCanceledException) { }
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeCalled, 1) == 1) return;
        if (_subscriber.IsValueCreated) await _subscriber.Value.DisposeAsync();
        _disposed.Cancel();
        if (_session is { } s) await s.DisposeAsync();
        try { await _loop; } catch (OperationCanceledException) { }
        _disposed.Dispose();
    }
}
