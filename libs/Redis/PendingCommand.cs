using System.Diagnostics;

namespace ECommerce.Redis;

/// <summary>A command waiting for its reply; completes on the thread pool so callers never run on the reader loop.</summary>
internal sealed class PendingCommand
{
    private readonly TaskCompletionSource<RespValue> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;
    private readonly CancellationToken _cancellation;

    public PendingCommand(string command, IReadOnlyList<object> args, CancellationToken ct)
    {
        (Command, Args, _cancellation) = (command, args, ct);
        if (ct.CanBeCanceled) _registration = ct.Register(static s => ((PendingCommand)s!).Cancel(), this);
    }

    public string Command { get; }
    public IReadOnlyList<object> Args { get; }
    public Task<RespValue> Task => _reply.Task;
    public bool IsCompleted => _reply.Task.IsCompleted;
    public long CreatedAt { get; } = Stopwatch.GetTimestamp();

    /// <summary>An error reply fails the call with <see cref="RedisException"/>; the connection stays usable.</summary>
    public void Complete(RespValue value)
    {
        _registration.Dispose();
        if (value.Type == RespType.Error) _reply.TrySetException(new RedisException(value.ToString()!));
        else _reply.TrySetResult(value);
    }

    public void Fail(Exception error)
    {
        _registration.Dispose();
        _reply.TrySetException(error);
    }

    private void Cancel() => _reply.TrySetCanceled(_cancellation);
}
