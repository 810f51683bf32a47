using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ECommerce.TestInfrastructure;

namespace ECommerce.Redis.Tests;

public class RedisTelemetryTests
{
    [Fact]
    public async Task Every_command_gets_a_client_span_and_a_duration_measurement()
    {
        var server = await TestServers.SharedRedisAsync();
        await using var redis = await RedisConnection.ConnectAsync(server.ConnectionString);
        var key = TestServers.NewName("otel");
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == RedisTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var durations = new ConcurrentQueue<(double Seconds, string? Operation)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (i, l) => { if (i.Meter.Name == RedisTelemetry.Name) l.EnableMeasurementEvents(i); },
        };
        meters.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            durations.Enqueue((value, tags.ToArray().FirstOrDefault(t => t.Key == "db.operation.name").Value as string)));
        meters.Start();

        await redis.GetDatabase().StringSetAsync(key, "v");
        await redis.GetDatabase().HashGetAllAsync(key).ContinueWith(_ => { });

        var set = spans.First(s => s.DisplayName == "SET");
        Assert.Equal(ActivityKind.Client, set.Kind);
        Assert.Equal("redis", set.GetTagItem("db.system"));
        Assert.Equal("SET", set.GetTagItem("db.operation"));
        Assert.Equal(server.Port, set.GetTagItem("server.port"));
        Assert.Contains(spans, s => s.DisplayName == "HGETALL" && s.Status == ActivityStatusCode.Error); // WRONGTYPE
        Assert.Contains(durations, d => d.Operation == "SET" && d.Seconds > 0);
    }
}
