using System.Net;
using ECommerce.ServiceDefaults.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace ECommerce.ServiceDefaults.Tests;

public class ResilienceTests
{
    [Fact]
    public async Task Transient_failures_of_an_idempotent_call_are_retried_away()
    {
        await using var upstream = (await Upstream.StartAsync()).FailFirst(2);
        await using var caller = await Callers.StartAsync(Callers.Settings(("down", upstream)));

        var response = await caller.Client("down").GetAsync("http://down/flaky");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, upstream.Calls);
    }

    [Fact]
    public async Task A_post_is_never_retried()
    {
        await using var upstream = (await Upstream.StartAsync()).FailFirst(2);
        await using var caller = await Callers.StartAsync(Callers.Settings(("down", upstream)));

        var response = await caller.Client("down").PostAsync("http://down/flaky", new StringContent("x"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, upstream.Calls);
    }

    [Fact]
    public async Task A_post_with_an_idempotency_key_is_retried()
    {
        await using var upstream = (await Upstream.StartAsync()).FailFirst(2);
        await using var caller = await Callers.StartAsync(Callers.Settings(("down", upstream)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://down/charges") { Content = new StringContent("x") };
        request.Headers.Add("Idempotency-Key", "charge-1");

        var response = await caller.Client("down").SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, upstream.Calls);
    }

    [Fact]
    public async Task Retries_stop_at_the_configured_count_and_return_the_last_failure()
    {
        await using var upstream = (await Upstream.StartAsync()).FailFirst(int.MaxValue);
        var settings = Callers.Settings(("down", upstream));
        settings["Resilience:Dependencies:down:Retry:MaxAttempts"] = "1";
        await using var caller = await Callers.StartAsync(settings);

        var response = await caller.Client("down").GetAsync("http://down/flaky");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(2, upstream.Calls);
    }

    [Fact]
    public async Task Each_dependency_has_its_own_breaker()
    {
        await using var failing = (await Upstream.StartAsync()).FailFirst(int.MaxValue);
        await using var healthy = await Upstream.StartAsync();
        var settings = Callers.Settings(("failing", failing), ("healthy", healthy));
        settings["Resilience:Defaults:Retry:MaxAttempts"] = "0";
        settings["Resilience:Defaults:Breaker:MinimumThroughput"] = "2";
        settings["Resilience:Defaults:Breaker:BreakDuration"] = "00:01:00";
        await using var caller = await Callers.StartAsync(settings);

        for (var i = 0; i < 2; i++) await caller.Client("failing").GetAsync("http://failing/x");
        await Assert.ThrowsAsync<BrokenCircuitException>(() => caller.Client("failing").GetAsync("http://failing/x"));
        var other = await caller.Client("healthy").GetAsync("http://healthy/x");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(2, failing.Calls);
    }

    [Fact]
    public async Task The_first_cuts_flat_keys_still_configure_a_dependency()
    {
        await using var upstream = (await Upstream.StartAsync()).FailFirst(int.MaxValue);
        var settings = Callers.Settings(("legacy", upstream));
        settings["Resilience:Http:legacy:MaxRetryAttempts"] = "1";
        settings["Resilience:Http:legacy:RetryBaseDelay"] = "00:00:00.010";
        await using var caller = await Callers.StartAsync(settings);

        var response = await caller.Client("legacy").GetAsync("http://legacy/x");
        var options = caller.Services.GetRequiredService<IOptionsMonitor<DependencyResilienceOptions>>().Get("legacy");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(2, upstream.Calls);
        Assert.Equal(TimeSpan.FromMilliseconds(10), options.Retry.BaseDelay);
    }

    [Fact]
    public async Task Configuration_layers_over_the_built_in_profile()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Resilience:Defaults:Bulkhead:MaxQueue"] = "7",
            ["Resilience:Dependencies:payment:AttemptTimeout"] = "00:00:03",
        };
        await using var app = await Callers.StartAsync(settings);
        var options = app.Services.GetRequiredService<IOptionsMonitor<DependencyResilienceOptions>>();

        var payment = options.Get(ResourceNames.Payment);
        var other = options.Get("anything");

        Assert.Equal(TimeSpan.FromSeconds(3), payment.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), payment.TotalTimeout);
        Assert.Equal(5, payment.Breaker.MinimumThroughput);
        Assert.Equal(7, payment.Bulkhead.MaxQueue);
        Assert.Equal(TimeSpan.FromSeconds(10), other.AttemptTimeout);
        Assert.Equal(7, other.Bulkhead.MaxQueue);
    }
}
