using System.Net;
using System.Net.Http.Json;
using ECommerce.ServiceDefaults.Faults;
using ECommerce.ServiceDefaults.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace ECommerce.ServiceDefaults.Tests;

public class OutboundFaultTests
{
    private static async Task<(TestIdentity Identity, Upstream Upstream, TestApp Caller)> StartAsync(string dependency)
    {
        var identity = await TestIdentity.StartAsync();
        var upstream = await Upstream.StartAsync();
        var settings = Callers.Settings((dependency, upstream));
        settings[$"Resilience:Dependencies:{dependency}:Breaker:MinimumThroughput"] = "3";
        settings[$"Resilience:Dependencies:{dependency}:Breaker:BreakDuration"] = "00:01:00";
        settings[$"Resilience:Dependencies:{dependency}:AttemptTimeout"] = "00:00:00.300";
        settings[$"Resilience:Dependencies:{dependency}:Retry:MaxAttempts"] = "1";
        var caller = await identity.StartServiceAsync(_ => { }, settings, b => b.Services.AddDependency(dependency));
        return (identity, upstream, caller);
    }

    private static async Task SetPlanAsync(TestIdentity identity, TestApp caller, object plan)
    {
        using var admin = identity.ClientAs(caller, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(FaultEndpoints.Route, plan)).StatusCode);
    }

    [Fact]
    public async Task Injected_errors_on_a_dependency_are_retried_and_open_its_breaker_without_reaching_it()
    {
        using var metrics = new MetricsRecorder(ResilienceMetrics.MeterName);
        var (identity, upstream, caller) = await StartAsync("of-down");
        await using var _1 = identity;
        await using var _2 = upstream;
        await using var _3 = caller;
        await SetPlanAsync(identity, caller, new { outbound = new[] { new { dependency = "of-down", errorRate = 1.0, errorStatus = 503 } } });
        // One retry per call, breaker at three failures: the first call fails twice, the second opens the breaker.

        var failed = await caller.Client("of-down").GetAsync("http://of-down/x");
        await Assert.ThrowsAsync<BrokenCircuitException>(() => caller.Client("of-down").GetAsync("http://of-down/x"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(0, upstream.Calls);
        Assert.Equal(2, metrics.Sum("ecommerce.resilience.retries", "of-down"));
    }

    [Fact]
    public async Task Admins_see_each_dependencys_breaker_and_totals_since_start()
    {
        var (identity, upstream, caller) = await StartAsync("of-seen");
        await using var _1 = identity;
        await using var _2 = upstream;
        await using var _3 = caller;
        await SetPlanAsync(identity, caller, new { outbound = new[] { new { dependency = "of-seen", errorRate = 1.0 } } });
        await caller.Client("of-seen").GetAsync("http://of-seen/x");
        await Assert.ThrowsAsync<BrokenCircuitException>(() => caller.Client("of-seen").GetAsync("http://of-seen/x"));
        using var admin = identity.ClientAs(caller, "admin");
        using var customer = identity.ClientAs(caller, "customer");

        var seen = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(ResilienceEndpoints.Route);

        var entry = seen.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("dependency").GetString() == "of-seen");
        Assert.Equal("Open", entry.GetProperty("breakerState").GetString());
        Assert.Equal(1, entry.GetProperty("breakerOpened").GetInt64());
        Assert.Equal(2, entry.GetProperty("retries").GetInt64());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, entry.GetProperty("lastOpenedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync(ResilienceEndpoints.Route)).StatusCode);
    }

    [Fact]
    public async Task An_injected_abort_is_a_connection_error_and_other_dependencies_are_untouched()
    {
        var (identity, upstream, caller) = await StartAsync("of-abort");
        await using var _1 = identity;
        await using var _2 = upstream;
        await using var _3 = caller;
        await using var other = await Upstream.StartAsync();
        await using var otherCaller = await Callers.StartAsync(Callers.Settings(("of-other", other)));
        await SetPlanAsync(identity, caller, new { outbound = new[] { new { dependency = "of-abort", abortRate = 1.0 } } });
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://of-abort/charge") { Content = new StringContent("x") };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => caller.Client("of-abort").SendAsync(request));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(0, upstream.Calls);
        Assert.Equal(HttpStatusCode.OK, (await otherCaller.Client("of-other").GetAsync("http://of-other/x")).StatusCode);
    }

    [Fact]
    public async Task Injected_latency_beyond_the_attempt_timeout_times_the_call_out()
    {
        var (identity, upstream, caller) = await StartAsync("of-slow");
        await using var _1 = identity;
        await using var _2 = upstream;
        await using var _3 = caller;
        await SetPlanAsync(identity, caller, new { outbound = new[] { new { dependency = "*", latencyMs = 60_000 } } });

        var error = await Assert.ThrowsAsync<Polly.Timeout.TimeoutRejectedException>(() =>
            caller.Client("of-slow").PostAsync("http://of-slow/x", new StringContent("x")));

        Assert.NotNull(error);
        Assert.Equal(0, upstream.Calls);
    }
}
