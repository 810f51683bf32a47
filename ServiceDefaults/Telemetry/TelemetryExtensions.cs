using ECommerce.ServiceDefaults.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ECommerce.ServiceDefaults.Telemetry;

/// <summary>
/// Traces, metrics and logs through OpenTelemetry's hosting package and instrumentation libraries (the Aspire service
/// defaults' shape), exported over OTLP when the host sets OTEL_EXPORTER_OTLP_ENDPOINT (the AppHost points it at the
/// dashboard). Client integrations add their own sources when they are registered: Aspire.Npgsql adds "Npgsql",
/// Aspire.StackExchange.Redis its Redis instrumentation, Aspire.RabbitMQ.Client "RabbitMQ.Client.*".
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>ActivitySources recorded besides the instrumentation libraries' own.</summary>
    public static readonly string[] TraceSources =
    [
        Instrumentation.SourcePattern, // ECommerce.Messaging, ECommerce.Order, ... (our spans)
        "RabbitMQ.Client.*",           // RabbitMQ.Client 7's own publish and deliver spans
        "Marten",                      // Marten's sessions and async daemon
    ];

    /// <summary>Meters recorded besides the instrumentation libraries' own.</summary>
    public static readonly string[] Meters = [Instrumentation.SourcePattern, "Marten"];

    public static IHostApplicationBuilder AddDefaultTelemetry(this IHostApplicationBuilder builder)
    {
        builder.AddConsoleLogs();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Meters))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = IsNotProbe)
                .AddHttpClientInstrumentation()
                .AddSource(TraceSources));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>Liveness and readiness polls every few seconds would bury the traces worth reading.</summary>
    private static bool IsNotProbe(HttpContext context) =>
        !context.Request.Path.StartsWithSegments(HealthExtensions.ReadinessPath)
        && !context.Request.Path.StartsWithSegments(HealthExtensions.LivenessPath);
}
