using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// One pipeline per outbound dependency (the HttpClient's name), so each has its own breaker and bulkhead.
/// Outermost first: total timeout → bulkhead → retry (idempotent requests only) → circuit breaker → attempt timeout.
/// The bulkhead sits inside the total timeout (waiting for a slot spends the caller's budget) and outside the
/// retries (one call holds one slot through its retries); the breaker sees every attempt.
/// </summary>
public sealed class HttpResiliencePipelines(
    IOptionsMonitor<DependencyResilienceOptions> options, ResilienceMetrics metrics, TimeProvider time, ILoggerFactory loggers)
{
    public static readonly ResiliencePropertyKey<bool> IsIdempotent = new("ecommerce.http.idempotent");

    // Lazy: GetOrAdd may run its factory twice under a race; the breaker tracked in metrics must be the one in use.
    private readonly ConcurrentDictionary<string, Lazy<Entry>> _entries = new();

    private sealed record Entry(ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerStateProvider Breaker, BulkheadStrategy Bulkhead);

    public ResiliencePipeline<HttpResponseMessage> For(string dependency) => Get(dependency).Pipeline;

    /// <summary>The dependency's breaker state (Closed before its first call).</summary>
    public CircuitState BreakerState(string dependency) => Get(dependency).Breaker.CircuitState;

    /// <summary>Calls to the dependency running now (holding a bulkhead slot).</summary>
    public int InFlight(string dependency) => Get(dependency).Bulkhead.InFlight;

    /// <summary>Calls to the dependency waiting for a bulkhead slot.</summary>
    public int Queued(string dependency) => Get(dependency).Bulkhead.Queued;

    /// <summary>Every dependency called (or declared) so far, with its state and totals.</summary>
    public IReadOnlyList<DependencyResilienceSnapshot> Snapshot() =>
        _entries.Keys.Order(StringComparer.Ordinal).Select(name =>
        {
            var entry = Get(name);
            var totals = metrics.Totals(name);
            var lastOpened = Interlocked.Read(ref totals.LastOpenedAtTicks);
            return new DependencyResilienceSnapshot(name, entry.Breaker.CircuitState.ToString(), entry.Bulkhead.InFlight,
                entry.Bulkhead.Queued, Interlocked.Read(ref totals.BreakerOpened),
                lastOpened == 0 ? null : new DateTimeOffset(lastOpened, TimeSpan.Zero), Interlocked.Read(ref totals.Retries),
                Interlocked.Read(ref totals.Timeouts), Interlocked.Read(ref totals.BulkheadRejections));
        }).ToList();

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || (int)response.StatusCode >= 500,
        _ => false,
    };

    private Entry Get(string dependency) => _entries.GetOrAdd(dependency, d => new Lazy<Entry>(() => Build(d))).Value;

    private Entry Build(string dependency)
    {
        var o = options.Get(dependency);
        var log = loggers.CreateLogger($"ECommerce.Resilience.{dependency}");
        var breaker = new CircuitBreakerStateProvider();
        BulkheadStrategy? bulkhead = null;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = dependency, TimeProvider = time }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = o.TotalTimeout, OnTimeout = _ => Count("total") })
            .AddStrategy(_ => bulkhead = new BulkheadStrategy(dependency, o.Bulkhead, metrics), new BulkheadStrategyOptions());
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
                    args.Context.Properties.GetValue(IsIdempotent, false) && IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    metrics.Retried(dependency);
                    log.LogWarning("Retry {Attempt} calling {Dependency} in {Delay} ms: {Reason}", args.AttemptNumber + 1,
                        dependency, (int)args.RetryDelay.TotalMilliseconds, Describe(args.Outcome));
                    return ValueTask.CompletedTask;
                },
            });
        }
        var pipeline = builder
            .AddCircuitBreaker(BreakerOptions(dependency, o.Breaker, breaker, log))
            .AddTimeout(new TimeoutStrategyOptions { Timeout = o.AttemptTimeout, OnTimeout = _ => Count("attempt") })
            .Build();
        metrics.Track(dependency, breaker);
        return new Entry(pipeline, breaker, bulkhead!);

        ValueTask Count(string kind)
        {
            metrics.TimedOut(dependency, kind);
            return ValueTask.CompletedTask;
        }
    }

    private CircuitBreakerStrategyOptions<HttpResponseMessage> BreakerOptions(
        string dependency, BreakerSettings s, CircuitBreakerStateProvider state, ILogger log) => new()
    {
        FailureRatio = s.FailureRatio,
        MinimumThroughput = s.MinimumThroughput,
        SamplingDuration = s.SamplingDuration,
        BreakDuration = s.BreakDuration,
        StateProvider = state,
        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
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
