using Microsoft.AspNetCore.Http;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// The answer when a dependency's pipeline refused a call: an open breaker or full bulkhead is a fast 503 with
/// <c>Retry-After</c> (the caller learns when trying again makes sense), a timeout is a 504. problem+json, naming
/// the dependency. Unhandled rejections get it from <see cref="DependencyFailureMiddleware"/>; an endpoint that
/// catches one can return <see cref="From"/> itself.
/// </summary>
public sealed class DependencyProblem(int status, string title, string detail, string? dependency, TimeSpan? retryAfter) : IResult
{
    public int Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The dependency whose pipeline refused the call, when known.</summary>
    public string? Dependency { get; } = dependency;

    public static DependencyProblem From(ExecutionRejectedException rejected)
    {
        var dependency = rejected.Data[DependencyTagHandler.DependencyKey] as string;
        var name = dependency is null ? "A dependency" : $"'{dependency}'";
        return rejected switch
        {
            BrokenCircuitException broken => new(StatusCodes.Status503ServiceUnavailable, "Dependency unavailable",
                $"{name} is failing; its circuit breaker is open, so the call was not attempted.", dependency,
                broken.RetryAfter ?? TimeSpan.FromSeconds(1)),
            RateLimiterRejectedException full => new(StatusCodes.Status503ServiceUnavailable, "Dependency saturated",
                $"{name} has too many calls in flight; this one was refused without waiting.", dependency,
                full.RetryAfter ?? TimeSpan.FromSeconds(1)),
            TimeoutRejectedException timeout => new(StatusCodes.Status504GatewayTimeout, "Dependency timed out",
                $"{name} did not answer within {timeout.Timeout.TotalSeconds:0.###} s.", dependency, null),
            _ => new(StatusCodes.Status503ServiceUnavailable, "Dependency unavailable", $"{name} refused the call.", dependency, null),
        };
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (RetryAfter is { } wait)
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();
        var extensions = new Dictionary<string, object?> { ["dependency"] = Dependency };
        return Results.Problem(detail, statusCode: Status, title: title, extensions: extensions).ExecuteAsync(httpContext);
    }
}
