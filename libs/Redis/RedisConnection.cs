using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ECommerce.Redis;

/// <summary>
/// One multiplexed, pipelined connection shared by all callers (the shape of StackExchange.Redis's
/// ConnectionMultiplexer): commands queue up, one writer batches them onto the socket, one reader matches
/// replies to callers in order. When the socket fails, in-flight calls fail with
/// <see cref="RedisConnectionException"/> and the connection reconnects with backoff on its own.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly RedisOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Task _loop;
    private volatile Session? _session;
    private int _disposeCalled;
    private TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RedisConnection(RedisOptions options, ILogger logger)
    {
        (_options, _logger) = (options, logger);
        _loop = Task.Run(ConnectLoopAsync);
    }

    public RedisOptions Options => _options;
    public bool IsConnected => _session is { IsOpen: true };

    /// <summary>Starts connecting; returns once the first attempt finished (connected or not).</summary>
    public static async Task<RedisConnection> ConnectAsync(string configuration, ILogger? logger = null)
    {
        var connection = Create(configuration, logger);
        await connection._firstAttempt.Task.WaitAsync(connection._options.ConnectTimeout + TimeSpan.FromSeconds(1));
        return connection;
    }

    /// <summary>Starts connecting in the background without waiting.</summary>
    public static RedisConnection Create(string configuration, ILogger? logger = null) =>
        new(RedisOptions.Parse(configuration), logger ?? NullLogger.Instance);

    public Task<RespValue> ExecuteAsync(string command, params object[] args) =>
        ExecuteAsync(command, args, CancellationToken.None);

    public async Task<RespValue> ExecuteAsync(string command, IReadOnlyList<object> args, CancellationToken ct)
    {
        var session = _session;
        if (session is not { IsOpen: true })
            throw new RedisConnectionException($"Not connected to Redis at {_options.Host}:{_options.Port}.");
        var reply = await session.SendAsync(command, args, ct);
        return reply.Type == RespType.Error ? throw new RedisException(reply.ToString()!) : reply;
    }

    public async Task<TimeSpan> PingAsync(CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await ExecuteAsync("PING", [], ct);
        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    private async Task ConnectLoopAsync()
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!_disposed.IsCancellationRequested)
        {
            Session? session = null;
            try
            {
                session = await Session.OpenAsync(_options, _disposed.Token);
                _session = session;
                _logger.LogInformation("Connected to Redis {Host}:{Port}", _options.Host, _options.Port);
                delay = TimeSpan.FromMilliseconds(100);
                _firstAttempt.TrySetResult();
                await session.Completion;
                _logger.LogWarning("Redis connection lost; reconnecting");
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
        _disposed.Cancel();
        if (_session is { } s) await s.DisposeAsync();
        try { await _loop; } catch (OperationCanceledException) { }
        _disposed.Dispose();
    }
}
