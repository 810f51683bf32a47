using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ECommerce.Redis;

/// <summary>
/// A span per command and the OpenTelemetry database-client metrics, named after the semantic conventions
/// (db.system, db.operation.name, server.address). ServiceDefaults listens to every "ECommerce.*" source and meter.
/// </summary>
public static class RedisTelemetry
{
    public const string Name = "ECommerce.Redis";

    internal static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "db.client.operation.duration", "s", "Time from sending a Redis command to its reply.");

    private static readonly Counter<long> Commands = Meter.CreateCounter<long>(
        "redis.client.commands", "{command}", "Redis commands completed, by command and outcome.");

    internal static bool IsEnabled => Source.HasListeners() || Duration.Enabled || Commands.Enabled;

    internal static Activity? Start(string command, RedisOptions options)
    {
        var activity = Source.StartActivity(command, ActivityKind.Client);
        if (activity is null) return null;
        activity.SetTag("db.system", "redis");
        activity.SetTag("db.system.name", "redis");
        activity.SetTag("db.operation", command);
        activity.SetTag("db.operation.name", command);
        activity.SetTag("db.namespace", options.Database);
        activity.SetTag("server.address", options.Host);
        activity.SetTag("server.port", options.Port);
        return activity;
    }

    internal static void Stop(Activity? activity, string command, long startedAt, Exception? error)
    {
        if (error is not null && activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.SetTag("error.type", error.GetType().Name);
        }
        activity?.Dispose();
        if (!Duration.Enabled && !Commands.Enabled) return;
        var tags = new TagList { { "db.system.name", "redis" }, { "db.operation.name", command } };
        if (error is not null) tags.Add("error.type", error.GetType().Name);
        Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tags);
        Commands.Add(1, tags);
    }
}
