namespace ECommerce.Redis;

/// <summary>A command waiting for its reply; completes on the thread pool so callers never run on the reader loop.</summary>
internal sealed class PendingCommand
{
    private readonly TaskCompletionSource<RespValue> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;

    public PendingCommand(string command, IReadOnlyList<object> args, CancellationToken ct)
    {
        (Command, Args) = (command, args);
        if (ct.CanBeCanceled) _registration = ct.Register(() => _reply.TrySetCanceled(ct));
    }

    public string Command { get; }
    public IReadOnlyList<object> Args { get; }
    public Task<RespValue> Task => _reply.Task;
    public bool IsCancelled => _reply.Task.IsCanceled;

    public void Complete(RespValue value)
    {
        _registration.Dispose();
        _reply.TrySetResult(value);
    }

    public void Fail(Exception error)
    {
        _registration.Dispose();
        _reply.TrySetException(error);
    }
}
