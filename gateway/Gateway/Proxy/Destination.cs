namespace ECommerce.Gateway.Proxy;

/// <summary>One upstream instance and what the gateway knows about it right now.</summary>
public sealed class Destination(string id, Uri address)
{
    private int _activeRequests;
    private long _ejectedUntilTicks;

    public string Id { get; } = id;
    public Uri Address { get; } = address;
    public int ActiveRequests => Volatile.Read(ref _activeRequests);

    /// <summary>Set by active health checks: the last probe's verdict.</summary>
    public bool ActiveHealthy { get; set; } = true;

    /// <summary>Set by passive health checks: left out after a transport failure until the reactivation time.</summary>
    public bool IsEjected(DateTimeOffset now) => now.UtcTicks < Interlocked.Read(ref _ejectedUntilTicks);

    public bool IsAvailable(DateTimeOffset now) => ActiveHealthy && !IsEjected(now);

    public void Eject(DateTimeOffset until) => Interlocked.Exchange(ref _ejectedUntilTicks, until.UtcTicks);

    public IDisposable TrackRequest()
    {
        Interlocked.Increment(ref _activeRequests);
        return new Tracker(this);
    }

    private sealed class Tracker(Destination destination) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) Interlocked.Decrement(ref destination._activeRequests);
        }
    }
}
