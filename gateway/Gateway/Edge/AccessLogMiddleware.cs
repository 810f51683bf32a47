using System.Diagnostics;
using ECommerce.ServiceDefaults.Authentication;

namespace ECommerce.Gateway.Edge;

/// <summary>One access-log line per request, probes aside (the console formatter adds the trace id).</summary>
public sealed class AccessLogMiddleware(RequestDelegate next, ILogger<AccessLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Filtered out (production logs at Warning) costs nothing per request; probes arrive every few seconds from
        // every host and would bury the traffic.
        if (!logger.IsEnabled(LogLevel.Information)
            || context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive"))
        {
            await next(context);
            return;
        }
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
