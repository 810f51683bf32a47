using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ECommerce.ServiceDefaults.Telemetry;

/// <summary>The project's own ActivitySource and Meter names all start with "ECommerce.".</summary>
public static class Instrumentation
{
    public const string SourcePattern = "ECommerce.*";

    public static ActivitySource CreateActivitySource(string component) => new($"ECommerce.{component}");

    public static Meter CreateMeter(string component) => new($"ECommerce.{component}");
}
