using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Polly;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// Turns a resilience rejection that reached the top of a request (breaker open, bulkhead full, timeout) into a
/// <see cref="DependencyProblem"/> instead of a 500: the fault is a dependency's, and the caller should hear so.
/// </summary>
public sealed class DependencyFailureMiddleware(RequestDelegate next, ILogger<DependencyFailureMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ExecutionRejectedException rejected) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var problem = DependencyProblem.From(rejected);
            logger.LogWarning("{Method} {Path} answered {Status}: {Reason}", context.Request.Method, context.Request.Path,
                problem.Status, rejected.Message);
            context.Response.Clear();
            context.Response.StatusCode = problem.Status;
            await problem.ExecuteAsync(context);
        }
    }
}
