using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.DevHost;

namespace ECommerce.System.Tests;

/// <summary>The whole system under DevHost: health through the gateway, and process faults through the control API.</summary>
[Collection(DevHostCollection.Name)]
[TestCaseOrderer(RunsLastOrderer.TypeName, RunsLastOrderer.AssemblyName)]
public sealed class DevHostSystemTests(DevHostFixture devHost)
{
    private static readonly TimeSpan ConditionBound = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static IReadOnlyList<string> Services { get; } = GatewayServices(Topology.Build());

    /// <summary>The services behind the gateway: its references that are projects (it references Redis as well).</summary>
    private static List<string> GatewayServices(DistributedTopology topology) =>
        topology.Projects.Single(p => p.ExternalHttpEndpoint).References.Where(r => topology[r].IsProject).ToList();

    [Fact]
    public async Task Gateway_health_reports_every_service_healthy()
    {
        var services = await Eventually(GatewayServicesAsync, s => Services.All(name => s.GetValueOrDefault(name) == "Healthy"));

        Assert.All(Services, name => Assert.Equal("Healthy", services.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task A_killed_service_is_unhealthy_at_the_gateway_until_it_is_restarted()
    {
        using var kill = await devHost.Control.PostAsync("/resources/product/kill", null);
        Assert.Equal(HttpStatusCode.OK, kill.StatusCode);

        var whileDown = await Eventually(GatewayServicesAsync, s => s.GetValueOrDefault("product") == "Unhealthy");
        Assert.All(Services.Where(s => s != "product"), name => Assert.Equal("Healthy", whileDown.GetValueOrDefault(name)));
        var product = await devHost.Control.GetFromJsonAsync<ResourceSnapshot>("/resources/product", Json);
        Assert.Equal(nameof(ResourceState.Exited), product!.State);

        using var restart = await devHost.Control.PostAsync("/resources/product/restart", null);
        Assert.Equal(HttpStatusCode.OK, restart.StatusCode);

        var afterRestart = await Eventually(GatewayServicesAsync, s => Services.All(name => s.GetValueOrDefault(name) == "Healthy"));
        Assert.All(Services, name => Assert.Equal("Healthy", afterRestart.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task A_user_signs_up_gets_a_token_through_the_gateway_and_the_edge_accepts_it()
    {
        var email = $"system-{Guid.NewGuid():N}@shop.test";
        using var register = await devHost.Gateway.PostAsJsonAsync("/api/auth/register", new { email, password = "correct horse 1", name = "Sys Test" });
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
        // The edge let the token through (issuer and keys agree); the cart endpoints themselves come with the catalog issue.
        Assert.NotEqual(HttpStatusCode.Unauthorized, cartSignedIn.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, cartSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);
    }

    [Fact]
    public async Task The_seeded_admin_passes_admin_routes_and_the_discovery_document_names_the_gateway()
    {
        var token = await TokenAsync(Topology.AdminEmail, Topology.AdminPassword);

        using var adminOnly = await SendAsync(HttpMethod.Get, "/api/admin/orders", token);
        var discovery = await devHost.Gateway.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.NotEqual(HttpStatusCode.Unauthorized, adminOnly.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, adminOnly.StatusCode);
        Assert.Equal(devHost.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority), discovery.GetProperty("issuer").GetString());
    }

    private async Task<string> TokenAsync(string email, string password)
    {
        using var response = await devHost.Gateway.PostAsync("/api/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
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
        return devHost.Gateway.SendAsync(request);
    }

    [Fact]
    public async Task The_api_explorer_serves_every_services_openapi_document_through_the_gateway()
    {
        using var page = await devHost.Gateway.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        foreach (var service in Services)
        {
            var document = await devHost.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/services/{service}.json");
            Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
            // "Try it out" goes through the gateway, the same edge real clients use.
            Assert.Equal(devHost.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority),
                document.GetProperty("servers")[0].GetProperty("url").GetString());
        }
        using var unknown = await devHost.Gateway.GetAsync("/openapi/services/nope.json");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_control_api_answers_404_problem_for_an_unknown_resource()
    {
        using var response = await devHost.Control.PostAsync("/resources/no-such-thing/kill", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_control_api_lists_every_topology_resource_with_a_pid()
    {
        var resources = await devHost.Control.GetFromJsonAsync<List<ResourceSnapshot>>("/resources", Json);

        var listed = resources!.ToDictionary(r => r.Name);
        Assert.All(Topology.Build().Resources, spec =>
        {
            Assert.True(listed.TryGetValue(spec.Name, out var resource), $"{spec.Name} is not listed");
            Assert.NotNull(resource!.Pid);
        });
    }

    [Fact]
    [RunsLast]
    public async Task Sigterm_stops_everything_and_leaves_nothing_listening()
    {
        // The fixture's stop asserts the exit code and every port devhost.json listed.
        var stop = await Record.ExceptionAsync(devHost.StopAsync);

        Assert.Null(stop);
    }

    /// <summary>The gateway's view of each service; its /health answers 503 with the same body when one is down.</summary>
    private async Task<Dictionary<string, string>> GatewayServicesAsync()
    {
        using var response = await devHost.Gateway.GetAsync("/health");
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
