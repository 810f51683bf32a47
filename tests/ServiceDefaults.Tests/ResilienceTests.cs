using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.ServiceDefaults.Tests;

public class ResilienceTests
{
    private sealed class Counter { public int Calls; }

    /// <summary>A downstream that fails the first <paramref name="failures"/> calls of every method, then succeeds.</summary>
    private static Task<TestApp> FlakyDownstream(Counter counter, int failures) => TestApp.StartAsync(app =>
        app.Map("/flaky", () => Interlocked.Increment(ref counter.Calls) <= failures
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Ok("fine")));

    private static Dictionary<string, string?> Settings(TestApp downstream) => new()
    {
        ["services:down:http:0"] = downstream.BaseAddress.ToString(),
        ["Resilience:Http:Default:RetryBaseDelay"] = "00:00:00.010",
        ["Resilience:Http:Default:BreakerMinimumThroughput"] = "100",
    };

    [Fact]
    public async Task Transient_failures_of_an_idempotent_call_are_retried_away()
    {
        var counter = new Counter();
        await using var downstream = await FlakyDownstream(counter, failures: 2);
        await using var caller = await TestApp.StartAsync(_ => { }, Settings(downstream));

        var response = await caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient("down").GetAsync("http://down/flaky");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, counter.Calls);
    }

    [Fact]
    public async Task A_post_is_never_retried()
    {
        var counter = new Counter();
        await using var downstream = await FlakyDownstream(counter, failures: 2);
        await using var caller = await TestApp.StartAsync(_ => { }, Settings(downstream));

        var response = await caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient("down")
            .PostAsync("http://down/flaky", new StringContent("x"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, counter.Calls);
    }

    [Fact]
    public async Task Breaker_opens_after_repeated_failures_and_stops_calling_the_dependency()
    {
        var counter = new Counter();
        await using var downstream = await FlakyDownstream(counter, failures: int.MaxValue);
        var settings = Settings(downstream);
        settings["Resilience:Http:Default:MaxRetryAttempts"] = "0";
        settings["Resilience:Http:Default:BreakerMinimumThroughput"] = "4";
        settings["Resilience:Http:Default:BreakerBreakDuration"] = "00:01:00";
        await using var caller = await TestApp.StartAsync(_ => { }, settings);
        var client = caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient("down");

        for (var i = 0; i < 4; i++) await client.GetAsync("http://down/flaky");
        var callsWhenOpened = counter.Calls;
        var rejected = await Assert.ThrowsAsync<Polly.CircuitBreaker.BrokenCircuitException>(() => client.GetAsync("http://down/flaky"));

        Assert.Equal(4, callsWhenOpened);
        Assert.Equal(4, counter.Calls);
        Assert.NotNull(rejected);
    }
}
