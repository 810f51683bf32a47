using System.Net;
using System.Text.Json;
using ECommerce.ServiceDefaults.Resilience;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace ECommerce.ServiceDefaults.Tests;

public class CircuitBreakerTests
{
    private const string Dependency = "breaker-pay";

    private static async Task<(TestApp Caller, ManualClock Clock)> StartCallerAsync(Upstream upstream)
    {
        var clock = new ManualClock();
        var settings = Callers.Settings((Dependency, upstream));
        settings[$"Resilience:Dependencies:{Dependency}:Retry:MaxAttempts"] = "0";
        settings[$"Resilience:Dependencies:{Dependency}:Breaker:MinimumThroughput"] = "2";
        settings[$"Resilience:Dependencies:{Dependency}:Breaker:BreakDuration"] = "00:00:30";
        var caller = await TestApp.StartAsync(_ => { }, settings, b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            b.Services.AddDependency(Dependency);
        });
        return (caller, clock);
    }

    private static async Task<JsonElement> BreakerHealthAsync(TestApp caller)
    {
        using var client = caller.CreateClient();
        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("checks").GetProperty($"breaker:{Dependency}").Clone();
    }

    [Fact]
    public async Task Breaker_opens_rejects_fast_half_opens_after_the_break_and_closes_after_a_success()
    {
        using var metrics = new MetricsRecorder(ResilienceMetrics.MeterName);
        await using var upstream = (await Upstream.StartAsync()).FailFirst(int.MaxValue);
        var (caller, clock) = await StartCallerAsync(upstream);
        await using var _ = caller;
        var client = caller.Client(Dependency);

        // Two failures in the window: the circuit opens and further calls never reach the upstream.
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/pay")).StatusCode);
        var rejected = await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync("/pay"));
        Assert.Equal(2, upstream.Calls);
        Assert.NotNull(rejected.RetryAfter);
        var open = await BreakerHealthAsync(caller);
        Assert.Equal("Degraded", open.GetProperty("status").GetString());
        Assert.Equal("Open", open.GetProperty("data").GetProperty("state").GetString());
        metrics.Observe();
        Assert.Equal((long)CircuitState.Open, metrics.Last("ecommerce.resilience.breaker.state", Dependency));

        // After the break one trial call goes through; while it runs the circuit is half-open and others are refused.
        var gate = new TaskCompletionSource();
        upstream.Behaviour = async (_, _) => { await gate.Task; return Results.Ok("recovered"); };
        clock.Advance(TimeSpan.FromSeconds(31));
        var trial = client.GetAsync("/pay");
        await Await.ConditionAsync(() => upstream.Calls == 3, "the trial call reaches the upstream");
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync("/pay"));
        var halfOpen = await BreakerHealthAsync(caller);
        Assert.Equal("HalfOpen", halfOpen.GetProperty("data").GetProperty("state").GetString());
        gate.SetResult();

        Assert.Equal(HttpStatusCode.OK, (await trial).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pay")).StatusCode);
        Assert.Equal(4, upstream.Calls);
        var closed = await BreakerHealthAsync(caller);
        Assert.Equal("Healthy", closed.GetProperty("status").GetString());
        Assert.Equal("Closed", closed.GetProperty("data").GetProperty("state").GetString());
        metrics.Observe();
        Assert.Equal((long)CircuitState.Closed, metrics.Last("ecommerce.resilience.breaker.state", Dependency));
        Assert.Equal(1, metrics.Sum("ecommerce.resilience.breaker.transitions", Dependency, "state", "Open"));
        Assert.Equal(1, metrics.Sum("ecommerce.resilience.breaker.transitions", Dependency, "state", "HalfOpen"));
        Assert.Equal(1, metrics.Sum("ecommerce.resilience.breaker.transitions", Dependency, "state", "Closed"));
    }

    [Fact]
    public async Task A_failed_trial_call_opens_the_circuit_again()
    {
        await using var upstream = (await Upstream.StartAsync()).FailFirst(int.MaxValue);
        var (caller, clock) = await StartCallerAsync(upstream);
        await using var _ = caller;
        var client = caller.Client(Dependency);
        for (var i = 0; i < 2; i++) await client.GetAsync("/pay");

        clock.Advance(TimeSpan.FromSeconds(31));
        var trial = await client.GetAsync("/pay");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, trial.StatusCode);
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync("/pay"));
        Assert.Equal(3, upstream.Calls);
        Assert.Equal("Open", (await BreakerHealthAsync(caller)).GetProperty("data").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_declared_dependency_is_healthy_in_health_before_its_first_call()
    {
        await using var upstream = await Upstream.StartAsync();
        var (caller, _) = await StartCallerAsync(upstream);
        await using var _1 = caller;

        var entry = await BreakerHealthAsync(caller);

        Assert.Equal("Healthy", entry.GetProperty("status").GetString());
        Assert.Equal(Dependency, entry.GetProperty("data").GetProperty("dependency").GetString());
        Assert.Equal(0, upstream.Calls);
    }

    [Fact]
    public async Task A_client_registered_with_AddHttpClient_can_take_its_dependency_pipeline_once_however_often_declared()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var caller = await TestApp.StartAsync(_ => { }, Callers.Settings(("processor-x", upstream)), b =>
        {
            b.Services.AddHttpClient("processor-x", c => c.BaseAddress = new Uri("http://processor-x/")).AddDependencyResilience();
            b.Services.AddDependency("processor-x");
        });
        using var client = caller.CreateClient();

        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        var entry = json.RootElement.GetProperty("checks").GetProperty("breaker:processor-x");
        Assert.Equal("Closed", entry.GetProperty("data").GetProperty("state").GetString());
    }
}
