using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECommerce.ServiceDefaults.Faults;

/// <summary>
/// <c>GET/PUT/DELETE /admin/faults</c>: read, replace or remove this process's fault plan. Admins only (policy
/// <see cref="Policies.Admin"/>); mapped only where that policy exists, so a host without authentication exposes nothing.
/// </summary>
public static class FaultEndpoints
{
    public const string Route = "/admin/faults";

    public static IEndpointRouteBuilder MapFaultEndpoints(this IEndpointRouteBuilder app)
    {
        var policies = app.ServiceProvider.GetService<IAuthorizationPolicyProvider>();
        if (policies?.GetPolicyAsync(Policies.Admin).GetAwaiter().GetResult() is null) return app;

        var group = app.MapGroup(Route).RequireAuthorization(Policies.Admin).WithTags("Faults");
        group.MapGet("", (FaultInjector faults) => TypedResults.Ok(faults.Current))
            .WithSummary("The fault plan in force in this process");
        group.MapPut("", Replace).WithSummary("Replace this process's fault plan");
        group.MapDelete("", (FaultInjector faults, ILoggerFactory loggers) =>
        {
            faults.Clear();
            loggers.CreateLogger(typeof(FaultEndpoints)).LogWarning("Fault plan removed");
            return TypedResults.NoContent();
        }).WithSummary("Remove every fault: normal behaviour again");
        return app;
    }

    private static Results<Ok<FaultPlan>, ValidationProblem> Replace(FaultPlan plan, FaultInjector faults, ILoggerFactory loggers,
        HttpContext context)
    {
        var errors = FaultPlanValidator.Validate(plan);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The fault plan is not valid");
        var applied = faults.Set(plan);
        loggers.CreateLogger(typeof(FaultEndpoints)).LogWarning(
            "Fault plan set by {User}: inbound {Inbound}, outbound {Outbound}", context.User.FindFirst(Claims.Subject)?.Value,
            string.Join(", ", applied.Inbound.Select(r => r.RoutePrefix)), string.Join(", ", applied.Outbound.Select(r => r.Dependency)));
        return TypedResults.Ok(applied);
    }
}
