using System.Net;
using System.Text.Json;
using ECommerce.ServiceDefaults.Resilience;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.ServiceDefaults.Tests;

public class FallbackTests
{
    [Fact]
    public async Task An_open_breaker_makes_checkout_answer_a_fast_503_problem_with_retry_after()
    {
        await using var payment = (await Upstream.StartAsync()).FailFirst(int.MaxValue);
        var settings = Callers.Settings(("fb-payment", payment));
        settings["Resilience:Dependencies:fb-payment:Breaker:MinimumThroughput"] = "2";
        settings["Resilience:Dependencies:fb-payment:Breaker:BreakDuration"] = "00:00:20";
        await using var checkout = await TestApp.StartAsync(app => app.MapPost("/checkout", async (IHttpClientFactory f) =>
        {
            using var charge = await f.CreateClient("fb-payment").PostAsync("/charges", new StringContent("{}"));
            return Results.StatusCode((int)charge.StatusCode);
        }), settings, b => b.Services.AddDependency("fb-payment"));
        using var client = checkout.CreateClient();
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.PostAsync("/checkout", null)).StatusCode);

        var response = await client.PostAsync("/checkout", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 20);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("fb-payment", body.RootElement.GetProperty("dependency").GetString());
        Assert.Equal("Dependency unavailable", body.RootElement.GetProperty("title").GetString());
        Assert.Equal(2, payment.Calls);
    }

    [Fact]
    public async Task A_stale_copy_is_served_while_the_dependency_fails_and_not_once_too_old()
    {
        await using var product = await Upstream.StartAsync();
        product.Behaviour = (_, _) => Task.FromResult(Results.Text("Blue mug, 12.00"));
        var settings = Callers.Settings(("fb-product", product));
        settings["Resilience:Dependencies:fb-product:Retry:MaxAttempts"] = "0";
        await using var caller = await Callers.StartAsync(settings);
        var clock = new ManualClock();
        var cache = new StaleCacheFallback<string>(clock, maxStaleness: TimeSpan.FromMinutes(5));
        Task<string> Fetch(CancellationToken ct) => caller.Client("fb-product").GetStringAsync("http://fb-product/api/products/1", ct);

        var fresh = await cache.GetAsync("1", Fetch, default);
        product.Behaviour = (_, _) => Task.FromResult(Results.StatusCode(StatusCodes.Status500InternalServerError));
        clock.Advance(TimeSpan.FromMinutes(2));
        var stale = await cache.GetAsync("1", Fetch, default);
        clock.Advance(TimeSpan.FromMinutes(4));

        Assert.False(fresh.IsFallback);
        Assert.True(stale.IsFallback);
        Assert.Equal("Blue mug, 12.00", stale.Value);
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromMinutes(6), stale.AsOf);
        await Assert.ThrowsAsync<HttpRequestException>(() => cache.GetAsync("1", Fetch, default));
        await Assert.ThrowsAsync<HttpRequestException>(() => cache.GetAsync("never-fetched", Fetch, default));
    }

    [Fact]
    public async Task A_not_found_is_an_answer_not_a_failure_and_is_never_covered_by_a_stale_copy()
    {
        await using var product = await Upstream.StartAsync();
        await using var caller = await Callers.StartAsync(Callers.Settings(("fb-404", product)));
        var cache = new StaleCacheFallback<string>(TimeProvider.System, TimeSpan.FromMinutes(5));
        Task<string> Fetch(CancellationToken ct) => caller.Client("fb-404").GetStringAsync("http://fb-404/api/products/9", ct);
        await cache.GetAsync("9", Fetch, default);
        product.Behaviour = (_, _) => Task.FromResult(Results.NotFound());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => cache.GetAsync("9", Fetch, default));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_failing_part_is_replaced_by_its_stand_in_while_the_other_parts_are_fresh()
    {
        await using var reviews = (await Upstream.StartAsync()).FailFirst(int.MaxValue);
        await using var product = await Upstream.StartAsync();
        await using var caller = await Callers.StartAsync(Callers.Settings(("fb-reviews", reviews), ("fb-details", product)));

        var details = await Fallback<string>.OrStandInAsync(
            ct => caller.Client("fb-details").GetStringAsync("http://fb-details/1", ct), "unavailable", default);
        var reviewList = await Fallback<string>.OrStandInAsync(
            ct => caller.Client("fb-reviews").GetStringAsync("http://fb-reviews/1", ct), "no reviews right now", default);

        Assert.False(details.IsFallback);
        Assert.Equal("\"fine\"", details.Value);
        Assert.True(reviewList.IsFallback);
        Assert.Equal("no reviews right now", reviewList.Value);
        Assert.NotNull(reviewList.Reason);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_turned_into_a_fallback()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fallback<string>.OrStandInAsync(
            ct => Task.FromCanceled<string>(ct), "stand-in", cancelled.Token));
    }
}
