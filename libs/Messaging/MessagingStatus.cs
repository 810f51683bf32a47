namespace ECommerce.Messaging;

/// <summary>Whether this process's consumer is subscribed to its queue (the queue and bindings then exist).</summary>
public sealed class MessagingStatus
{
    private volatile TaskCompletionSource _consuming = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsConsuming => _consuming.Task.IsCompleted;

    public Task WhenConsumingAsync(CancellationToken ct = default) => _consuming.Task.WaitAsync(ct);

    internal void Consuming() => _consuming.TrySetResult();

    internal void Stopped()
    {
        if (_consuming.Task.IsCompleted) _consuming = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
