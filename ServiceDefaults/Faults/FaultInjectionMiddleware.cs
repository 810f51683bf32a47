using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ECommerce.ServiceDefaults.Faults;

/// <summary>
/// Applies the inbound part of the fault plan to requests by route prefix. The fault API and the probes are never
/// faulted: a plan can always be removed, and an orchestrator does not restart a process because of a drill.
/// </summary>
public sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector faults, ILogger<FaultInjectionMiddleware> logger)
{
    public const string InjectedHeader = "X-Fault-Injected";

    public Task InvokeAsync(HttpContext context)
    {
        if (!faults.IsActive || IsExempt(context.Request.Path)) return next(context);
        var rule = faults.ForInbound(context.Request.Path);
        return rule is null ? next(context) : InjectAsync(context, rule);
    }

    private async Task InjectAsync(HttpContext context, InboundFault rule)
    {
        var decision = rule.Decide();
        faults.Count("inbound", rule.RoutePrefix, decision);
        if (decision.Delay > TimeSpan.Zero) await Task.Delay(decision.Delay, context.RequestAborted);
        switch (decision.Outcome)
        {
            case FaultOutcome.Abort:
                logger.LogDebug("Injected fault: aborting {Path}", context.Request.Path);
                context.Abort();
                return;
            case FaultOutcome.Error:
                context.Response.Headers[InjectedHeader] = "error";
                await Results.Problem($"Fault plan for '{rule.RoutePrefix}' answered {decision.ErrorStatus}.",
                    statusCode: decision.ErrorStatus, title: "Injected fault").ExecuteAsync(context);
                return;
            default:
                if (decision.Delay > TimeSpan.Zero) context.Response.Headers[InjectedHeader] = "latency";
                await next(context);
                return;
        }
    }

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments(FaultEndpoints.Route) || path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");
}
