using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// The pipeline of one declared dependency, built by Microsoft.Extensions.Http.Resilience
/// (<c>AddResilienceHandler</c>) from its <see cref="DependencyResilienceOptions"/>. Outermost first:
/// total timeout → bulkhead (Polly's concurrency limiter) → retry (idempotent requests only) → circuit breaker →
/// attempt timeout. The bulkhead sits inside the total timeout (waiting for a permit spends the caller's budget) and
/// outside the retries (one call holds one permit through its retries); the breaker sees every attempt.
/// </summary>
internal static class DependencyPipeline
{
    public static void Build(ResiliencePipelineBuilder<HttpResponseMessage> builder, string dependency, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var o = services.GetRequiredService<IOptionsMonitor<DependencyResilienceOptions>>().Get(dependency);
        var metrics = services.GetRequiredService<ResilienceMetrics>();
        var time = services.GetRequiredService<TimeProvider>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger($"ECommerce.Resilience.{dependency}");
        var breaker = new CircuitBreakerStateProvider();
        var bulkhead = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = o.Bulkhead.MaxConcurrency,
            QueueLimit = o.Bulkhead.MaxQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        context.OnPipelineDisposed(bulkhead.Dispose);
        builder.TimeProvider = time;

        builder
            .AddTimeout(new TimeoutStrategyOptions { Timeout = o.TotalTimeout, OnTimeout = _ => Count("total") })
            .AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => bulkhead.AcquireAsync(1, args.Context.CancellationToken),
                OnRejected = _ =>
                {
                    metrics.BulkheadRejected(dependency);
                    return ValueTask.CompletedTask;
                },
            });
        if (o.Retry.MaxAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.Retry.MaxAttempts,
                Delay = o.Retry.BaseDelay,
                MaxDelay = o.Retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Context.GetRequestMessage()?.IsIdempotent() == true && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    metrics.Retried(dependency);
                    log.LogWarning("Retry {Attempt} calling {Dependency} in {Delay} ms: {Reason}", args.AttemptNumber + 1,
                        dependency, (int)args.RetryDelay.TotalMilliseconds, Describe(args.Outcome));
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder
            .AddCircuitBreaker(BreakerOptions(dependency, o.Breaker, breaker, metrics, time, log))
            .AddTimeout(new TimeoutStrategyOptions { Timeout = o.AttemptTimeout, OnTimeout = _ => Count("attempt") });
        services.GetRequiredService<DependencyMonitor>().Track(dependency, breaker, bulkhead, o.Bulkhead.MaxConcurrency);

        ValueTask Count(string kind)
        {
            metrics.TimedOut(dependency, kind);
            return ValueTask.CompletedTask;
        }
    }

    private static CircuitBreakerStrategyOptions<HttpResponseMessage> BreakerOptions(string dependency, BreakerSettings s,
        CircuitBreakerStateProvider state, ResilienceMetrics metrics, TimeProvider time, ILogger log) => new()
    {
        FailureRatio = s.FailureRatio,
        MinimumThroughput = s.MinimumThroughput,
        SamplingDuration = s.SamplingDuration,
        BreakDuration = s.BreakDuration,
        StateProvider = state,
        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        OnOpened = args =>
        {
            metrics.BreakerTransition(dependency, CircuitState.Open, time.GetUtcNow());
            log.LogWarning("Circuit to {Dependency} opened for {Duration} s: {Reason}", dependency,
                args.BreakDuration.TotalSeconds, Describe(args.Outcome));
            return ValueTask.CompletedTask;
        },
        OnHalfOpened = _ =>
        {
            metrics.BreakerTransition(dependency, CircuitState.HalfOpen, time.GetUtcNow());
            log.LogInformation("Circuit to {Dependency} half-open: letting a trial call through", dependency);
            return ValueTask.CompletedTask;
        },
        OnClosed = _ =>
        {
            metrics.BreakerTransition(dependency, CircuitState.Closed, time.GetUtcNow());
            log.LogInformation("Circuit to {Dependency} closed", dependency);
            return ValueTask.CompletedTask;
        },
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.Message ?? $"HTTP {(int?)outcome.Result?.StatusCode}";
}
