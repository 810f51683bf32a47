using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ECommerce.ServiceDefaults.Telemetry;

/// <summary>
/// Console logs: one JSON object a line (with the trace and span ids among the scopes) outside Development, for a
/// log collector to parse; the compact one-line text in Development, for a person to read.
/// </summary>
public static class ConsoleLogExtensions
{
    public static IHostApplicationBuilder AddConsoleLogs(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddConsole(o => o.FormatterName = CompactConsoleFormatter.FormatterName)
                .AddConsoleFormatter<CompactConsoleFormatter, ConsoleFormatterOptions>();
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        return builder;
    }
}
