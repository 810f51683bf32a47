using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.ServiceDefaults.Tests;

public class HealthEndpointTests
{
    [Fact]
    public async Task A_failing_dependency_fails_readiness_but_not_liveness()
    {
        await using var app = await TestApp.StartAsync(_ => { }, configure: b => b.Services.AddHealthChecks()
            .AddCheck("database", () => HealthCheckResult.Unhealthy("connection refused")));
        using var client = app.CreateClient();

        var alive = await client.GetAsync("/alive");
        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.Equal("connection refused", database.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_degraded_dependency_keeps_the_service_ready()
    {
        await using var app = await TestApp.StartAsync(_ => { }, configure: b => b.Services.AddHealthChecks()
            .AddCheck("cache", () => HealthCheckResult.Degraded("cache down")));
        using var client = app.CreateClient();

        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
    }
}
