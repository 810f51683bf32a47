using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ECommerce.Redis;

/// <summary>One socket's lifetime: a writer loop that batches queued commands and a reader loop that answers them in order.</summary>
internal sealed class Session : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly PipeReader _input;
    private readonly Stream _stream;
    private readonly RedisOptions _options;
    private readonly Action<RespValue>? _onPush;
    private readonly Channel<PendingCommand> _outgoing = Channel.CreateUnbounded<PendingCommand>(new() { SingleReader = true });
    private readonly ConcurrentQueue<PendingCommand> _awaitingReply = new();
    private readonly CancellationTokenSource _closed = new();
    private readonly Timer _timeouts;
    private Task _loops = Task.CompletedTask;
    private volatile bool _open;
    private volatile RedisConnectionException? _closeReason;
    private int _closing;
    private int _disposed;

    private Session(Socket socket, RedisOptions options, Action<RespValue>? onPush)
    {
        (_socket, _options, _onPush) = (socket, options, onPush);
        _stream = new NetworkStream(socket, ownsSocket: false);
        _input = PipeReader.Create(_stream);
        _timeouts = new Timer(static s => ((Session)s!).FailTimedOut(), this, Timeout.Infinite, Timeout.Infinite);
    }

    public bool IsOpen => _open;
    public Task Completion => _loops;

    /// <param name="onPush">Pub/sub only: receives "message"/"pmessage" pushes, which answer no command.</param>
    public static async Task<Session> OpenAsync(RedisOptions options, Action<RespValue>? onPush, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var session = new Session(socket, options, onPush);
        session._open = true;
        session._loops = Task.WhenAll(Task.Run(session.WriteLoopAsync), Task.Run(session.ReadLoopAsync));
        var sweep = (int)Math.Clamp(options.OperationTimeout.TotalMilliseconds / 4, 10, 1000);
        session._timeouts.Change(sweep, sweep);
        try
        {
            if (options.Password is not null)
                await session.HandshakeAsync("AUTH", options.User is null ? [options.Password] : [options.User, options.Password], timeout.Token);
            if (options.Database != 0) await session.HandshakeAsync("SELECT", [options.Database], timeout.Token);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task HandshakeAsync(string command, object[] args, CancellationToken ct)
    {
        try { await SendAsync(command, args, ct); }
        catch (RedisException ex) when (ex is not RedisConnectionException) { throw new RedisException($"{command} failed: {ex.Message}", ex); }
    }

    public Task<RespValue> SendAsync(string command, IReadOnlyList<object> args, CancellationToken ct)
    {
        var pending = new PendingCommand(command, args, ct);
        return _open && _outgoing.Writer.TryWrite(pending)
            ? pending.Task
            : Task.FromException<RespValue>(_closeReason ?? new RedisConnectionException("Redis connection is closed."));
    }

    private async Task WriteLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(_closed.Token))
            {
                while (_outgoing.Reader.TryRead(out var pending))
                {
                    if (pending.IsCompleted) continue; // cancelled before it was sent: no reply to wait for
                    RespProtocol.WriteCommand(buffer, pending.Command, pending.Args);
                    _awaitingReply.Enqueue(pending);
                    if (buffer.WrittenCount > 64 * 1024) break;
                }
                await _stream.WriteAsync(buffer.WrittenMemory, _closed.Token);
                buffer.ResetWrittenCount();
            }
        }
        catch (Exception ex)
        {
            Close(ex);
        }
        finally
        {
            // A command queued for its reply after Close drained the queue must not wait forever.
            FailAll(_closeReason ?? new RedisConnectionException("Redis connection is closed."));
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync(_closed.Token);
                var reader = new SequenceReader<byte>(result.Buffer);
                while (RespProtocol.TryRead(ref reader, out var value))
                {
                    if (_onPush is not null && IsPush(value))
                    {
                        _onPush(value);
                        continue;
                    }
                    if (!_awaitingReply.TryDequeue(out var pending))
                        throw new RedisException("Reply without a request: the stream is out of step.");
                    pending.Complete(value);
                }
                _input.AdvanceTo(reader.Position, result.Buffer.End);
                if (result.IsCompleted) throw new RedisConnectionException("Redis closed the connection.");
            }
        }
        catch (Exception ex)
        {
            Close(ex);
        }
    }

    private static bool IsPush(RespValue value) =>
        value is { Type: RespType.Array, Items: [{ Bytes: { } kind }, ..] } && (kind.AsSpan().SequenceEqual("message"u8) || kind.AsSpan().SequenceEqual("pmessage"u8));

    /// <summary>Replies come in order, so the oldest waiting command is the first to give up; the reply, when it comes, is dropped.</summary>
    private void FailTimedOut()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var pending in _awaitingReply)
        {
            if (Stopwatch.GetElapsedTime(pending.CreatedAt, now) < _options.OperationTimeout) break;
            if (!pending.IsCompleted)
                pending.Fail(new RedisTimeoutException($"No reply to {pending.Command} from Redis at {_options.Host}:{_options.Port} within {_options.OperationTimeout.TotalMilliseconds:0} ms."));
        }
    }

    private void Close(Exception reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1) return;
        _closeReason = reason as RedisConnectionException
            ?? new RedisConnectionException($"Redis connection to {_options.Host}:{_options.Port} failed: {reason.Message}", reason);
        _open = false;
        _outgoing.Writer.TryComplete();
        _closed.Cancel();
        FailAll(_closeReason);
        try { _socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
    }

    private void FailAll(RedisConnectionException error)
    {
        while (_awaitingReply.TryDequeue(out var pending)) pending.Fail(error);
        while (_outgoing.Reader.TryRead(out var pending)) pending.Fail(error);
    }

    /// <summary>Idempotent: both the reconnect loop and the owning connection may dispose a session.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        Close(new RedisConnectionException("Redis connection disposed."));
        await _timeouts.DisposeAsync();
        try { await _loops; } catch { /* the loops already reported through Close */ }
        await _input.CompleteAsync();
        _socket.Dispose();
        _closed.Dispose();
    }
}
