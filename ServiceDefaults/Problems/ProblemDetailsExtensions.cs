using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ECommerce.ServiceDefaults.Problems;

/// <summary>
/// Every error is RFC 9457 problem+json with a traceId: unhandled exceptions (500, no stack trace),
/// malformed requests (400, from BadHttpRequestException) and bodiless status codes (404, 405, ...).
/// </summary>
public static class ProblemDetailsExtensions
{
    public static IHostApplicationBuilder AddDefaultProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToHexString() ?? ctx.HttpContext.TraceIdentifier;
            if (ctx.Exception is BadHttpRequestException bad)
                ctx.ProblemDetails.Detail ??= bad.Message;
        });
        return builder;
    }

    public static IApplicationBuilder UseDefaultProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = ctx => ctx.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        return app;
    }
}
