using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.ServiceDefaults.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.ServiceDefaults.Tests;

public class FaultInjectionTests : IAsyncLifetime
{
    private TestIdentity _identity = null!;
    private TestApp _service = null!;
    private readonly ManualClock _clock = new();

    public async Task InitializeAsync()
    {
        _identity = await TestIdentity.StartAsync();
        _service = await _identity.StartServiceAsync(app =>
        {
            app.MapGet("/api/orders/{id}", (string id) => $"order {id}");
            app.MapGet("/api/products", () => "products");
        }, configure: b => b.Services.AddSingleton<TimeProvider>(_clock));
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private async Task SetPlanAsync(object plan)
    {
        using var admin = _identity.ClientAs(_service, "admin");
        var response = await admin.PutAsJsonAsync(FaultEndpoints.Route, plan);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Only_admins_may_read_or_change_the_fault_plan()
    {
        using var anonymous = _identity.ClientAs(_service, null);
        using var customer = _identity.ClientAs(_service, "customer");
        using var admin = _identity.ClientAs(_service, "admin");
        var plan = new { inbound = new[] { new { routePrefix = "/api/orders", errorRate = 1.0 } } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync(FaultEndpoints.Route, plan)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PutAsJsonAsync(FaultEndpoints.Route, plan)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.DeleteAsync(FaultEndpoints.Route)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(FaultEndpoints.Route)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/orders/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(FaultEndpoints.Route)).StatusCode);
    }

    [Fact]
    public async Task A_host_without_the_admin_policy_exposes_no_fault_endpoints()
    {
        await using var plain = await TestApp.StartAsync(app => app.MapGet("/api/x", () => "x"));
        using var client = plain.CreateClient();

        var response = await client.PutAsJsonAsync(FaultEndpoints.Route, new { inbound = new[] { new { routePrefix = "/", errorRate = 1.0 } } });

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(FaultEndpoints.Route)).StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, response.StatusCode.ToString());
        Assert.Equal("x", await client.GetStringAsync("/api/x"));
    }

    [Fact]
    public async Task An_error_plan_fails_requests_under_its_route_prefix_only()
    {
        await SetPlanAsync(new { inbound = new[] { new { routePrefix = "/api/orders", errorRate = 1.0, errorStatus = 503 } } });
        using var client = _service.CreateClient();

        var faulted = await client.GetAsync("/api/orders/7");
        var untouched = await client.GetAsync("/api/products");
        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal("application/problem+json", faulted.Content.Headers.ContentType?.MediaType);
        Assert.Equal("error", faulted.Headers.GetValues(FaultInjectionMiddleware.InjectedHeader).Single());
        Assert.Equal("products", await untouched.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_latency_plan_delays_the_request_then_lets_it_through()
    {
        await SetPlanAsync(new { inbound = new[] { new { routePrefix = "/api", latencyMs = 50, jitterMs = 20 } } });
        using var client = _service.CreateClient();

        var response = await client.GetAsync("/api/orders/3");

        Assert.Equal("order 3", await response.Content.ReadAsStringAsync());
        Assert.Equal("latency", response.Headers.GetValues(FaultInjectionMiddleware.InjectedHeader).Single());
    }

    [Fact]
    public async Task An_abort_plan_drops_the_connection()
    {
        await SetPlanAsync(new { inbound = new[] { new { routePrefix = "/api/orders", abortRate = 1.0 } } });
        using var client = _service.CreateClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/api/orders/1"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/products")).StatusCode);
    }

    [Fact]
    public async Task Removing_the_plan_restores_normal_behaviour()
    {
        await SetPlanAsync(new { inbound = new[] { new { routePrefix = "/", errorRate = 1.0, errorStatus = 500 } } });
        using var admin = _identity.ClientAs(_service, "admin");
        using var client = _service.CreateClient();
        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/api/orders/1")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(FaultEndpoints.Route)).StatusCode);
        var response = await client.GetAsync("/api/orders/1");
        var plan = await admin.GetFromJsonAsync<JsonElement>(FaultEndpoints.Route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(FaultInjectionMiddleware.InjectedHeader));
        Assert.Equal(0, plan.GetProperty("inbound").GetArrayLength());
        Assert.False(_service.Services.GetRequiredService<FaultInjector>().IsActive);
    }

    [Fact]
    public async Task A_bad_plan_is_a_400_validation_problem_and_changes_nothing()
    {
        using var admin = _identity.ClientAs(_service, "admin");
        var bad = new
        {
            inbound = new[] { new { routePrefix = "api/orders", errorRate = 2.0, errorStatus = 200 } },
            outbound = new[] { new { dependency = "", latencyMs = -5 } },
        };

        var response = await admin.PutAsJsonAsync(FaultEndpoints.Route, bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "inbound[0].routePrefix", "inbound[0].errorRate", "inbound[0].errorStatus", "outbound[0].dependency", "outbound[0].latencyMs" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.False(_service.Services.GetRequiredService<FaultInjector>().IsActive);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PutAsync(FaultEndpoints.Route, new StringContent("{ nope", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task A_plan_with_a_duration_expires_by_itself()
    {
        await SetPlanAsync(new { inbound = new[] { new { routePrefix = "/api/orders", errorRate = 1.0, durationSeconds = 60 } } });
        using var client = _service.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/orders/1")).StatusCode);

        _clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/orders/1")).StatusCode);
        Assert.False(_service.Services.GetRequiredService<FaultInjector>().IsActive);
    }
}
