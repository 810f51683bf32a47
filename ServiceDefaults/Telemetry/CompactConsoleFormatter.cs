using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ECommerce.ServiceDefaults.Telemetry;

/// <summary>
/// One line per entry (an exception's stack trace follows, indented): time, level, trace id, category, message. Hosts prefix the resource name,
/// so a checkout can be followed across services by its trace id.
/// </summary>
public sealed class CompactConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "compact";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null) return;

        var traceId = Activity.Current?.TraceId.ToHexString() ?? new string('-', 32);
        var category = logEntry.Category;
        var dot = category.LastIndexOf('.');
        if (dot >= 0) category = category[(dot + 1)..];

        textWriter.Write(DateTime.UtcNow.ToString("HH:mm:ss.fff"));
        textWriter.Write(' ');
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(' ');
        textWriter.Write(traceId);
        textWriter.Write(' ');
        textWriter.Write(category);
        textWriter.Write(": ");
        textWriter.Write(message?.ReplaceLineEndings(" "));
        textWriter.WriteLine();
        // Stack traces go to the log (never to clients), indented so the entry stays one block.
        if (logEntry.Exception is { } ex)
            textWriter.WriteLine("    " + ex.ToString().ReplaceLineEndings(Environment.NewLine + "    "));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "FAIL",
        LogLevel.Critical => "CRIT",
        _ => "    ",
    };
}
