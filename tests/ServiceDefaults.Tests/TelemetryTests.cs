using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ECommerce.ServiceDefaults.Tests;

/// <summary>What the service defaults record, read from an in-memory exporter added to their tracer.</summary>
public sealed class TelemetryTests
{
    private static readonly ActivitySource OwnSource = new("ECommerce.TelemetryTests");

    [Fact]
    public async Task An_incoming_request_and_the_outgoing_call_it_makes_are_one_trace()
    {
        await using var upstream = await Upstream.StartAsync();
        var spans = new List<Activity>();
        await using var app = await TestApp.StartAsync(
            map: app => app.MapGet("/relay", async (IHttpClientFactory clients) =>
            {
                using (OwnSource.StartActivity("relay work")) { }
                var answer = await clients.CreateClient().GetFromJsonAsync<string>(new Uri(upstream.BaseAddress, "/anything"));
                return Results.Ok(answer);
            }),
            configure: builder => builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));

        using var client = app.CreateClient();
        Assert.Equal("fine", await client.GetFromJsonAsync<string>("/relay"));
        await Await.ConditionAsync(() => Snapshot(spans).Any(a => IsServer(a, "/relay")), "the server span was exported");

        var recorded = Snapshot(spans);
        var server = Assert.Single(recorded, a => IsServer(a, "/relay"));
        // The listeners are process-wide: the test's own call and the upstream's request are recorded too, as their spans.
        var outgoing = Assert.Single(recorded, a => a.Kind == ActivityKind.Client && a.ParentSpanId == server.SpanId);
        var own = Assert.Single(recorded, a => a.Source.Name == OwnSource.Name);
        var upstreamServer = Assert.Single(recorded, a => a.Kind == ActivityKind.Server && a.ParentSpanId == outgoing.SpanId);
        Assert.Equal("System.Net.Http", outgoing.Source.Name);
        Assert.Equal(server.TraceId, outgoing.TraceId);
        Assert.Equal(server.TraceId, upstreamServer.TraceId);
        Assert.Equal(server.SpanId, own.ParentSpanId);
        Assert.Equal("GET", outgoing.GetTagItem("http.request.method"));
        Assert.Equal(200, outgoing.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task Health_probes_are_not_traced()
    {
        var spans = new List<Activity>();
        await using var app = await TestApp.StartAsync(
            map: app => app.MapGet("/ping", () => "pong"),
            configure: builder => builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));

        using var client = app.CreateClient();
        await client.GetAsync("/health");
        await client.GetAsync("/alive");
        await client.GetAsync("/ping");
        await Await.ConditionAsync(() => Snapshot(spans).Any(a => IsServer(a, "/ping")), "the ping span was exported");

        Assert.DoesNotContain(Snapshot(spans), a => a.Kind == ActivityKind.Server && a.GetTagItem("url.path") is "/health" or "/alive");
    }

    private static bool IsServer(Activity activity, string path) =>
        activity.Kind == ActivityKind.Server && Equals(activity.GetTagItem("url.path"), path);

    /// <summary>The exporter appends from request threads; copy until a copy is not disturbed by an append.</summary>
    private static List<Activity> Snapshot(List<Activity> spans)
    {
        while (true)
        {
            try { return [.. spans]; }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException) { }
        }
    }
}
