using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// <c>GET /admin/resilience</c> (admins): every dependency's breaker state, bulkhead use and totals since start.
/// Mapped only where the admin policy exists.
/// </summary>
public static class ResilienceEndpoints
{
    public const string Route = "/admin/resilience";

    public static IEndpointRouteBuilder MapResilienceEndpoints(this IEndpointRouteBuilder app)
    {
        var policies = app.ServiceProvider.GetService<IAuthorizationPolicyProvider>();
        if (policies?.GetPolicyAsync(Policies.Admin).GetAwaiter().GetResult() is null) return app;
        app.MapGet(Route, (DependencyMonitor pipelines) => TypedResults.Ok(new { dependencies = pipelines.Snapshot() }))
            .RequireAuthorization(Policies.Admin)
            .WithTags("Resilience")
            .WithSummary("Breaker state, bulkhead use and totals per outbound dependency");
        return app;
    }
}
