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
/// One pipeline per named HttpClient (so each dependency has its own circuit breaker):
/// total timeout → retry (idempotent requests only, exponential backoff with jitter) → circuit breaker → attempt timeout.
/// </summary>
public sealed class HttpResiliencePipelines(IOptionsMonitor<HttpResilienceOptions> options, ILoggerFactory loggers)
{
    public static readonly ResiliencePropertyKey<bool> IsIdempotent = new("ecommerce.http.idempotent");

    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new();

    public ResiliencePipeline<HttpResponseMessage> For(string clientName) =>
        _pipelines.GetOrAdd(clientName, Build);

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || (int)response.StatusCode >= 500,
        _ => false,
    };

    private ResiliencePipeline<HttpResponseMessage> Build(string clientName)
    {
        var o = options.Get(clientName);
        var log = loggers.CreateLogger($"ECommerce.Resilience.{clientName}");
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(o.TotalTimeout);
        if (o.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.MaxRetryAttempts,
                Delay = o.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Context.Properties.GetValue(IsIdempotent, false) && IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    log.LogWarning("Retry {Attempt} calling {Client} after {Delay} ms: {Reason}", args.AttemptNumber + 1,
                        clientName, (int)args.RetryDelay.TotalMilliseconds, Describe(args.Outcome));
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = o.BreakerSamplingDuration,
                BreakDuration = o.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnOpened = args =>
                {
                    log.LogWarning("Circuit to {Client} opened for {Duration} s: {Reason}", clientName,
                        args.BreakDuration.TotalSeconds, Describe(args.Outcome));
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    log.LogInformation("Circuit to {Client} closed", clientName);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(o.AttemptTimeout)
            .Build();
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.Message ?? $"HTTP {(int?)outcome.Result?.StatusCode}";
}
