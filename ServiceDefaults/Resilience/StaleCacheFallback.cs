using System.Collections.Concurrent;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// Serve-stale-on-error: remembers the last good answer per key and hands it out, marked as a fallback with its
/// age, when the dependency fails, for up to <c>maxStaleness</c>. In memory and per process: a copy this instance
/// never fetched cannot be served. Bounded by <c>capacity</c> keys (new keys are not remembered beyond it).
/// </summary>
public sealed class StaleCacheFallback<T>(TimeProvider time, TimeSpan maxStaleness, int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, (T Value, DateTimeOffset At)> _copies = new();

    public async Task<Fallback<T>> GetAsync(string key, Func<CancellationToken, Task<T>> fetch, CancellationToken cancellationToken)
    {
        try
        {
            var value = await fetch(cancellationToken);
            if (_copies.Count < capacity || _copies.ContainsKey(key)) _copies[key] = (value, time.GetUtcNow());
            return Fallback<T>.Fresh(value);
        }
        catch (Exception ex) when (ex.IsDependencyFailure(cancellationToken)
            && _copies.TryGetValue(key, out var copy) && time.GetUtcNow() - copy.At <= maxStaleness)
        {
            return new Fallback<T>(copy.Value, true, copy.At, ex.Message);
        }
    }

    public void Forget(string key) => _copies.TryRemove(key, out _);
}
