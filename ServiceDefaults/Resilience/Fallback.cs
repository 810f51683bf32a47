namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// A value with where it came from: fresh from the dependency, or a fallback (a stale copy or a stand-in)
/// because the dependency failed. Responses should say so (e.g. a <c>degraded</c> flag) rather than pretend.
/// </summary>
public sealed record Fallback<T>(T Value, bool IsFallback, DateTimeOffset? AsOf = null, string? Reason = null)
{
    public static Fallback<T> Fresh(T value) => new(value, false);

    /// <summary>
    /// The degrade-part-by-part helper: <paramref name="fetch"/>'s value, or <paramref name="standIn"/> when the
    /// dependency failed (breaker open, bulkhead full, timeout, 5xx, unreachable). The caller's own cancellation and a
    /// 4xx still throw.
    /// </summary>
    public static async Task<Fallback<T>> OrStandInAsync(Func<CancellationToken, Task<T>> fetch, T standIn, CancellationToken cancellationToken)
    {
        try
        {
            return Fresh(await fetch(cancellationToken));
        }
        catch (Exception ex) when (ex.IsDependencyFailure(cancellationToken))
        {
            return new Fallback<T>(standIn, true, null, ex.Message);
        }
    }
}
