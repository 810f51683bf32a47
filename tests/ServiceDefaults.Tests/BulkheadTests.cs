using System.Net;
using ECommerce.ServiceDefaults.Resilience;
using Microsoft.AspNetCore.Http;
using Polly.RateLimiting;

namespace ECommerce.ServiceDefaults.Tests;

public class BulkheadTests
{
    /// <summary>An upstream that holds every call until the test opens the gate.</summary>
    private static async Task<(Upstream Upstream, TaskCompletionSource Gate)> StuckUpstreamAsync()
    {
        var upstream = await Upstream.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        upstream.Behaviour = async (_, _) => { await gate.Task; return Results.Ok("slow but fine"); };
        return (upstream, gate);
    }

    [Fact]
    public async Task A_saturated_slow_dependency_rejects_fast_while_a_fast_dependency_stays_fast()
    {
        using var metrics = new MetricsRecorder(ResilienceMetrics.MeterName);
        var (slow, gate) = await StuckUpstreamAsync();
        await using var _ = slow;
        await using var fast = await Upstream.StartAsync();
        var settings = Callers.Settings(("bh-slow", slow), ("bh-fast", fast));
        settings["Resilience:Dependencies:bh-slow:Bulkhead:MaxConcurrency"] = "2";
        settings["Resilience:Dependencies:bh-slow:Bulkhead:MaxQueue"] = "0";
        await using var caller = await Callers.StartAsync(settings);

        var held = Enumerable.Range(0, 2).Select(_ => caller.Client("bh-slow").GetAsync("http://bh-slow/report")).ToList();
        await Await.ConditionAsync(() => slow.Calls == 2, "both slots taken by calls stuck in the slow dependency");
        var rejected = new List<RateLimiterRejectedException>();
        for (var i = 0; i < 3; i++)
            rejected.Add(await Assert.ThrowsAsync<RateLimiterRejectedException>(() => caller.Client("bh-slow").GetAsync("http://bh-slow/report")));
        var fastResponses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => caller.Client("bh-fast").GetAsync("http://bh-fast/price")));

        Assert.All(fastResponses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(20, fast.Calls);
        Assert.Equal(2, slow.Calls);
        Assert.All(rejected, r => Assert.Equal("bh-slow", DependencyProblem.From(r).Dependency));
        Assert.Equal(3, metrics.Sum("ecommerce.resilience.bulkhead.rejections", "bh-slow"));
        Assert.Equal(0, metrics.Sum("ecommerce.resilience.bulkhead.rejections", "bh-fast"));
        Assert.True(held.All(t => !t.IsCompleted), "the held calls are still waiting on the slow dependency");

        gate.SetResult();
        Assert.All(await Task.WhenAll(held), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await caller.Client("bh-slow").GetAsync("http://bh-slow/report")).StatusCode);
    }

    [Fact]
    public async Task Calls_beyond_the_limit_wait_in_the_queue_and_beyond_the_queue_are_rejected()
    {
        var (slow, gate) = await StuckUpstreamAsync();
        await using var _ = slow;
        var settings = Callers.Settings(("bh-queue", slow));
        settings["Resilience:Dependencies:bh-queue:Bulkhead:MaxConcurrency"] = "1";
        settings["Resilience:Dependencies:bh-queue:Bulkhead:MaxQueue"] = "1";
        await using var caller = await Callers.StartAsync(settings);
        var pipelines = (DependencyMonitor)caller.Services.GetService(typeof(DependencyMonitor))!;

        var running = caller.Client("bh-queue").GetAsync("http://bh-queue/a");
        await Await.ConditionAsync(() => slow.Calls == 1, "the first call reaches the dependency");
        var queued = caller.Client("bh-queue").GetAsync("http://bh-queue/b");
        await Await.ConditionAsync(() => pipelines.Queued("bh-queue") == 1, "the second call waits in the queue");
        await Assert.ThrowsAsync<RateLimiterRejectedException>(() => caller.Client("bh-queue").GetAsync("http://bh-queue/c"));

        Assert.Equal(1, slow.Calls);
        Assert.Equal(1, pipelines.InFlight("bh-queue"));
        gate.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await queued).StatusCode);
        Assert.Equal(2, slow.Calls);
    }
}
