using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ECommerce.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry from the SDK builders (OpenTelemetry.Extensions.Hosting does not restore offline):
/// traces and metrics from the sources the framework already emits plus the project's own,
/// exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public static class TelemetryExtensions
{
    public static readonly string[] TraceSources =
    [
        "Microsoft.AspNetCore", "System.Net.Http", "Npgsql",
        "RabbitMQ.Client.Publisher", "RabbitMQ.Client.Subscriber", Instrumentation.SourcePattern,
    ];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http", "System.Runtime", "Npgsql", Instrumentation.SourcePattern,
    ];

    public static IHostApplicationBuilder AddDefaultTelemetry(this IHostApplicationBuilder builder)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.FormatterName = CompactConsoleFormatter.FormatterName)
            .AddConsoleFormatter<CompactConsoleFormatter, ConsoleFormatterOptions>();
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (exportOtlp)
        {
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.SetResourceBuilder(resource);
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
                o.AddOtlpExporter();
            });
        }

        builder.Services.AddSingleton(_ =>
        {
            var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(TraceSources);
            return exportOtlp ? tracing.AddOtlpExporter().Build() : tracing.Build();
        });
        builder.Services.AddSingleton(_ =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(Meters);
            return exportOtlp ? metrics.AddOtlpExporter().Build() : metrics.Build();
        });
        // The providers are created at start and disposed (flushed) at shutdown by the container.
        builder.Services.AddHostedService<TelemetryStarter>();
        return builder;
    }
}
