using System.Collections.Concurrent;

namespace ECommerce.Product.Api.Caching;

/// <summary>
/// Concurrent callers asking for the same key share one load: the first starts it, the others await its task.
/// The entry is removed when the load finishes, so the next miss loads again (this coalesces, it does not cache).
/// </summary>
public sealed class SingleFlight<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _inFlight = new();

    public async Task<TValue> RunAsync(TKey key, Func<Task<TValue>> load)
    {
        var lazy = _inFlight.GetOrAdd(key, _ => new Lazy<Task<TValue>>(load, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return await lazy.Value;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<TKey, Lazy<Task<TValue>>>(key, lazy));
        }
    }
}
