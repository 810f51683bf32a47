using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// The standard handler's options (clients nobody declared) from <c>Resilience:Defaults</c>, with our one rule on
/// top of the library's: only idempotent requests are retried (<see cref="IdempotentRequests"/>).
/// </summary>
internal static class StandardPipeline
{
    public static void Apply(DependencyResilienceOptions o, HttpStandardResilienceOptions standard)
    {
        standard.TotalRequestTimeout.Timeout = o.TotalTimeout;
        standard.AttemptTimeout.Timeout = o.AttemptTimeout;
        standard.Retry.MaxRetryAttempts = Math.Max(1, o.Retry.MaxAttempts);
        standard.Retry.Delay = o.Retry.BaseDelay;
        standard.Retry.MaxDelay = o.Retry.MaxDelay;
        var retryAtAll = o.Retry.MaxAttempts > 0;
        standard.Retry.ShouldHandle = args => ValueTask.FromResult(retryAtAll
            && args.Context.GetRequestMessage()?.IsIdempotent() == true && HttpClientResiliencePredicates.IsTransient(args.Outcome));
        standard.CircuitBreaker.FailureRatio = o.Breaker.FailureRatio;
        standard.CircuitBreaker.MinimumThroughput = o.Breaker.MinimumThroughput;
        standard.CircuitBreaker.BreakDuration = o.Breaker.BreakDuration;
        // The library requires the sampling window to hold at least two attempt timeouts.
        standard.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(o.Breaker.SamplingDuration.Ticks, 2 * o.AttemptTimeout.Ticks));
        standard.RateLimiter.DefaultRateLimiterOptions.PermitLimit = o.Bulkhead.MaxConcurrency;
        standard.RateLimiter.DefaultRateLimiterOptions.QueueLimit = o.Bulkhead.MaxQueue;
    }
}
