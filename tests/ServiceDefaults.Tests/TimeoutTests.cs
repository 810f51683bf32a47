using System.Net;
using ECommerce.ServiceDefaults.Resilience;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Polly.Timeout;

namespace ECommerce.ServiceDefaults.Tests;

public class TimeoutTests
{
    /// <summary>Hangs the calls whose number <paramref name="hangs"/> accepts until the caller gives up; answers the others.</summary>
    private static async Task<Upstream> HangingUpstreamAsync(Func<int, bool> hangs)
    {
        var upstream = await Upstream.StartAsync();
        upstream.Behaviour = async (n, ctx) =>
        {
            if (hangs(n)) await Task.Delay(Timeout.InfiniteTimeSpan, ctx.RequestAborted);
            return Results.Ok("answered");
        };
        return upstream;
    }

    [Fact]
    public async Task A_hung_attempt_times_out_and_the_retry_gets_the_answer()
    {
        await using var upstream = await HangingUpstreamAsync(n => n == 1);
        var settings = Callers.Settings(("to-once", upstream));
        settings["Resilience:Dependencies:to-once:AttemptTimeout"] = "00:00:00.200";
        await using var caller = await Callers.StartAsync(settings);

        var response = await caller.Client("to-once").GetAsync("http://to-once/stock");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, upstream.Calls);
    }

    [Fact]
    public async Task Every_attempt_timing_out_ends_in_a_timeout_after_the_retries()
    {
        using var metrics = new MetricsRecorder(ResilienceMetrics.MeterName);
        await using var upstream = await HangingUpstreamAsync(_ => true);
        var settings = Callers.Settings(("to-always", upstream));
        settings["Resilience:Dependencies:to-always:AttemptTimeout"] = "00:00:00.100";
        settings["Resilience:Dependencies:to-always:Retry:MaxAttempts"] = "2";
        await using var caller = await Callers.StartAsync(settings);

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => caller.Client("to-always").GetAsync("http://to-always/stock"));

        // Counted at the caller: under load an attempt can time out before its request even reaches the upstream.
        Assert.Equal(3, metrics.Sum("ecommerce.resilience.timeouts", "to-always", "kind", "attempt"));
        Assert.Equal(2, metrics.Sum("ecommerce.resilience.retries", "to-always"));
        Assert.InRange(upstream.Calls, 1, 3);
    }

    [Fact]
    public async Task The_total_timeout_bounds_the_call_and_its_retries()
    {
        using var metrics = new MetricsRecorder(ResilienceMetrics.MeterName);
        await using var upstream = await HangingUpstreamAsync(_ => true);
        var settings = Callers.Settings(("to-total", upstream));
        settings["Resilience:Dependencies:to-total:TotalTimeout"] = "00:00:00.300";
        settings["Resilience:Dependencies:to-total:AttemptTimeout"] = "00:00:30";
        await using var caller = await Callers.StartAsync(settings);

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => caller.Client("to-total").GetAsync("http://to-total/stock"));

        Assert.Equal(1, metrics.Sum("ecommerce.resilience.timeouts", "to-total", "kind", "total"));
        Assert.Equal(0, metrics.Sum("ecommerce.resilience.retries", "to-total"));
        Assert.InRange(upstream.Calls, 0, 1);
    }

    [Fact]
    public async Task A_timeout_reaching_the_top_of_a_request_is_a_504_problem()
    {
        await using var upstream = await HangingUpstreamAsync(_ => true);
        var settings = Callers.Settings(("to-edge", upstream));
        settings["Resilience:Dependencies:to-edge:TotalTimeout"] = "00:00:00.200";
        await using var caller = await Callers.StartAsync(settings, app => app.MapGet("/stock",
            async (IHttpClientFactory f) => await f.CreateClient("to-edge").GetStringAsync("http://to-edge/stock")));
        using var client = caller.CreateClient();

        var response = await client.GetAsync("/stock");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("to-edge", await response.Content.ReadAsStringAsync());
    }
}
