using System.Diagnostics;
using ECommerce.ServiceDefaults.Authentication;

namespace ECommerce.Gateway.Edge;

/// <summary>One access-log line per request (the console formatter adds the trace id).</summary>
public sealed class AccessLogMiddleware(RequestDelegate next, ILogger<AccessLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            logger.LogInformation("{Method} {Path}{Query} -> {Status} in {Elapsed:0.0} ms (user {User}, route {Route})",
                context.Request.Method, context.Request.Path, context.Request.QueryString, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                context.User.FindFirst(Claims.Subject)?.Value ?? "-", context.GetEndpoint()?.DisplayName ?? "-");
        }
    }
}
