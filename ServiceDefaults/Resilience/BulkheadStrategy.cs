using Polly;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// A concurrency limit as a Polly strategy (Polly.RateLimiting is not in the offline mirror): a semaphore for the
/// calls running, a counter for those waiting, and a fast rejection for everything beyond both.
/// </summary>
internal sealed class BulkheadStrategy(string dependency, BulkheadSettings settings, ResilienceMetrics metrics)
    : ResilienceStrategy
{
    private readonly SemaphoreSlim _slots = new(settings.MaxConcurrency, settings.MaxConcurrency);
    private int _admitted;

    public int InFlight => settings.MaxConcurrency - _slots.CurrentCount;

    public int Queued => Math.Max(0, Volatile.Read(ref _admitted) - InFlight);

    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        if (Interlocked.Increment(ref _admitted) > settings.MaxConcurrency + settings.MaxQueue)
        {
            Interlocked.Decrement(ref _admitted);
            metrics.BulkheadRejected(dependency);
            return Outcome.FromException<TResult>(new BulkheadRejectedException(dependency, settings.MaxConcurrency, settings.MaxQueue));
        }
        try
        {
            await _slots.WaitAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (OperationCanceledException ex)
        {
            Interlocked.Decrement(ref _admitted);
            return Outcome.FromException<TResult>(ex);
        }
        try
        {
            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        finally
        {
            _slots.Release();
            Interlocked.Decrement(ref _admitted);
        }
    }
}
