using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ECommerce.ServiceDefaults.Health;

/// <summary>
/// <c>/alive</c> answers while the process can serve (liveness: restart me if not);
/// <c>/health</c> includes every dependency the service registered (readiness: send me traffic or not).
/// </summary>
public static class HealthExtensions
{
    public const string LiveTag = "live";
    public const string LivenessPath = "/alive";
    public const string ReadinessPath = "/health";

    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    public static WebApplication MapDefaultHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) })
            .ExcludeFromDescription();
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            ResponseWriter = app.Services.GetService<HealthResponseWriter>()?.WriteAsync ?? HealthJson.WriteAsync,
        }).ExcludeFromDescription();
        return app;
    }
}

/// <summary>Lets a host (the gateway) shape its own /health body.</summary>
public sealed record HealthResponseWriter(Func<HttpContext, HealthReport, Task> WriteAsync);
