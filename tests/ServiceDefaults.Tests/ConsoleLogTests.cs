using System.Diagnostics;
using System.Text.Json;
using ECommerce.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECommerce.ServiceDefaults.Tests;

/// <summary>Swaps the process's console writer, so nothing else runs meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console output";
}

[Collection(ConsoleCollection.Name)]
public sealed class ConsoleLogTests
{
    [Fact]
    public void Outside_development_each_entry_is_one_json_line_with_its_trace_and_span_ids()
    {
        var (output, activity) = LogOneEntry("Production");

        var line = Assert.Single(output.Split('\n'), l => l.Contains("Order 42 placed"));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("Order 42 placed", json.RootElement.GetProperty("Message").GetString());
        Assert.Equal("Information", json.RootElement.GetProperty("LogLevel").GetString());
        var scopes = json.RootElement.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.TryGetProperty("TraceId", out var id) && id.GetString() == activity.TraceId.ToHexString());
        Assert.Contains(scopes, s => s.TryGetProperty("SpanId", out var id) && id.GetString() == activity.SpanId.ToHexString());
    }

    [Fact]
    public void In_development_each_entry_is_one_compact_text_line_with_its_trace_id()
    {
        var (output, activity) = LogOneEntry("Development");

        var line = Assert.Single(output.Split('\n'), l => l.Contains("Order 42 placed"));
        Assert.DoesNotContain("{", line);
        Assert.Contains(activity.TraceId.ToHexString(), line);
    }

    private static (string Output, Activity Activity) LogOneEntry(string environment)
    {
        var original = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
            builder.AddConsoleLogs();
            Activity activity;
            using (var host = builder.Build())
            using (activity = new Activity("place order").Start())
            {
                host.Services.GetRequiredService<ILogger<ConsoleLogTests>>().LogInformation("Order {OrderId} placed", 42);
            } // disposing the host flushes the console logger's queue
            return (output.ToString(), activity);
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
