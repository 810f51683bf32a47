namespace ECommerce.ServiceDefaults.Tests;

/// <summary>
/// A clock the test moves: Polly's breaker reads the time from it (break duration, sampling window), while timers
/// and delays stay real so timeouts and retries still run.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
