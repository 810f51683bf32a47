using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using ECommerce.AppHost;
using ECommerce.System.Tests.Checkout;
using ECommerce.SystemInfrastructure;

namespace ECommerce.System.Tests;

/// <summary>
/// The whole system under the AppHost: health through the gateway, process faults through the AppHost's resource
/// commands (the dashboard's Stop/Start) and signals, and the dashboard's fault commands on a service's fault plan.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AppHostSystemTests(SystemFixture system)
{
    private static readonly TimeSpan ConditionBound = TimeSpan.FromSeconds(90);
    private readonly Shop _shop = new(system);

    [Fact]
    public async Task Gateway_health_reports_every_service_healthy()
    {
        var services = await Eventually(GatewayServicesAsync, s => system.Services.All(name => s.GetValueOrDefault(name) == "Healthy"));

        Assert.Equal(6, system.Services.Count);
        Assert.All(system.Services, name => Assert.Equal("Healthy", services.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task A_killed_service_is_unhealthy_at_the_gateway_until_the_AppHost_starts_it_again()
    {
        await system.ActAsync("product", "kill");

        var whileDown = await Eventually(GatewayServicesAsync, s => s.GetValueOrDefault("product") == "Unhealthy");
        Assert.Equal("Unhealthy", whileDown.GetValueOrDefault("product"));
        Assert.All(system.Services.Where(s => s != "product"), name => Assert.Equal("Healthy", whileDown.GetValueOrDefault(name)));
        Assert.Contains(system.State("product"), KnownResourceStates.TerminalStates);

        await system.ActAsync("product", "start");

        var afterStart = await Eventually(GatewayServicesAsync, s => system.Services.All(name => s.GetValueOrDefault(name) == "Healthy"));
        Assert.All(system.Services, name => Assert.Equal("Healthy", afterStart.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task The_AppHosts_stop_and_start_commands_take_a_service_down_and_back()
    {
        await system.ActAsync("inventory", "stop");

        Assert.Contains(system.State("inventory"), KnownResourceStates.TerminalStates);
        var whileStopped = await Eventually(GatewayServicesAsync, s => s.GetValueOrDefault("inventory") == "Unhealthy");
        Assert.Equal("Unhealthy", whileStopped.GetValueOrDefault("inventory"));

        await system.ActAsync("inventory", "start");
        await system.AllHealthyAsync();
        var afterStart = await Eventually(GatewayServicesAsync, s => s.GetValueOrDefault("inventory") == "Healthy");
        Assert.Equal("Healthy", afterStart.GetValueOrDefault("inventory"));
    }

    [Fact]
    public async Task The_fault_commands_set_and_clear_the_services_fault_plan()
    {
        var admin = await _shop.AdminTokenAsync();
        using var http = new HttpClient { BaseAddress = system.ServiceUrl("inventory") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", admin);

        var latency = await system.App.ResourceCommands.ExecuteCommandAsync("inventory", FaultCommands.Latency);
        Assert.True(latency.Success, latency.Message);
        var plan = await http.GetFromJsonAsync<JsonElement>("/admin/faults");
        var rule = Assert.Single(plan.GetProperty("inbound").EnumerateArray());
        Assert.Equal(2000, rule.GetProperty("latencyMs").GetInt32());

        var down = await system.App.ResourceCommands.ExecuteCommandAsync("payment", FaultCommands.DependenciesDown);
        Assert.True(down.Success, down.Message);
        using var paymentHttp = new HttpClient { BaseAddress = system.ServiceUrl("payment") };
        paymentHttp.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        var paymentPlan = await paymentHttp.GetFromJsonAsync<JsonElement>("/admin/faults");
        Assert.Equal("processor", Assert.Single(paymentPlan.GetProperty("outbound").EnumerateArray()).GetProperty("dependency").GetString());

        foreach (var service in new[] { "inventory", "payment" })
        {
            var clear = await system.App.ResourceCommands.ExecuteCommandAsync(service, FaultCommands.Clear);
            Assert.True(clear.Success, clear.Message);
        }
        var cleared = await http.GetFromJsonAsync<JsonElement>("/admin/faults");
        Assert.Empty(cleared.GetProperty("inbound").EnumerateArray());
        Assert.Empty(cleared.GetProperty("outbound").EnumerateArray());
    }

    [Fact]
    public async Task A_user_signs_up_gets_a_token_through_the_gateway_and_the_edge_accepts_it()
    {
        var email = $"system-{Guid.NewGuid():N}@shop.test";
        using var register = await system.Gateway.PostAsJsonAsync("/api/auth/register", new { email, password = "correct horse 1", name = "Sys Test" });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        var token = await TokenAsync(email, "correct horse 1");

        using var me = await SendAsync(HttpMethod.Get, "/api/auth/me", token);
        using var cartAnonymous = await SendAsync(HttpMethod.Get, "/api/cart", null);
        using var cartSignedIn = await SendAsync(HttpMethod.Get, "/api/cart", token);
        using var adminOnly = await SendAsync(HttpMethod.Get, "/api/admin/orders", token);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var profile = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal(email, profile.RootElement.GetProperty("email").GetString());
        Assert.Equal("customer", profile.RootElement.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, cartAnonymous.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, cartSignedIn.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, cartSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);
    }

    [Fact]
    public async Task The_seeded_admin_passes_admin_routes_and_the_discovery_document_names_the_gateway()
    {
        var token = await TokenAsync(ShopSystem.AdminEmail, system.AdminPassword);

        using var adminOnly = await SendAsync(HttpMethod.Get, "/api/admin/orders", token);
        var discovery = await system.Gateway.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.NotEqual(HttpStatusCode.Unauthorized, adminOnly.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, adminOnly.StatusCode);
        Assert.Equal(system.GatewayUrl.GetLeftPart(UriPartial.Authority), discovery.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task The_api_explorer_serves_every_services_openapi_document_through_the_gateway()
    {
        using var page = await system.Gateway.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        foreach (var service in system.Services)
        {
            var document = await system.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/services/{service}.json");
            Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
            // "Try it out" goes through the gateway, the same edge real clients use.
            Assert.Equal(system.GatewayUrl.GetLeftPart(UriPartial.Authority),
                document.GetProperty("servers")[0].GetProperty("url").GetString());
        }
        using var unknown = await system.Gateway.GetAsync("/openapi/services/nope.json");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_command_on_an_unknown_resource_is_refused()
    {
        var result = await system.App.ResourceCommands.ExecuteCommandAsync("no-such-thing", KnownResourceCommands.StopCommand);

        Assert.False(result.Success);
        Assert.Contains("no-such-thing", result.Message);
    }

    [Fact]
    public async Task Every_process_of_the_AppHost_runs_with_a_pid_and_the_run_once_steps_have_finished()
    {
        await system.AllHealthyAsync();
        // Not the run-once steps (initdb, the frontends' build: they have finished) nor Aspire's per-project -rebuilder
        // helpers (they start on Rebuild only).
        string[] runOnce = ["postgres-init", "frontends"];
        var processes = system.Model.Resources.Where(r => r is ProjectResource or ExecutableResource && !runOnce.Contains(r.Name)
            && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any()).ToList();

        Assert.Equal(7 + 4, processes.Count); // six services and the gateway; postgres, redis, eventbus and its epmd
        Assert.All(processes, r =>
        {
            Assert.Equal(KnownResourceStates.Running, system.State(r.Name));
            Assert.True(ProcessTree.IsAlive(system.Pid(r.Name)), $"{r.Name}'s process is not alive");
        });
        Assert.All(runOnce, step => Assert.Equal(KnownResourceStates.Finished, system.State(step)));
    }

    private async Task<string> TokenAsync(string email, string password)
    {
        using var response = await system.Gateway.PostAsync("/api/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = password, ["client_id"] = "storefront",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return system.Gateway.SendAsync(request);
    }

    /// <summary>The gateway's view of each service; its /health answers 503 with the same body when one is down.</summary>
    private async Task<Dictionary<string, string>> GatewayServicesAsync()
    {
        using var response = await system.Gateway.GetAsync("/health");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("services").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    /// <summary>Polls until the condition holds (bounded), returning the last value either way so the assertion shows it.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow + ConditionBound;
        while (true)
        {
            var value = await probe();
            if (condition(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
