using ECommerce.ServiceDefaults.Correlation;
using ECommerce.ServiceDefaults.Faults;
using ECommerce.ServiceDefaults.Health;
using ECommerce.ServiceDefaults.Problems;
using ECommerce.ServiceDefaults.Resilience;
using ECommerce.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ECommerce.ServiceDefaults;

/// <summary>
/// What every service gets: telemetry, health, discovery, resilience, fault injection, problem details, correlation.
/// </summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddDefaultProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddServiceDiscovery();
        builder.Services.AddFaultInjection();
        builder.Services.AddDefaultHttpClientHandlers();
        return builder;
    }

    /// <summary>Call first after Build(): the middleware it adds must wrap everything else.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseDefaultProblemDetails();
        app.UseCorrelationId();
        app.UseDependencyFailureResponses();
        app.UseFaultInjection();
        app.MapDefaultHealthEndpoints();
        app.MapOpenApi();
        app.MapFaultEndpoints();
        app.MapResilienceEndpoints();
        return app;
    }
}
