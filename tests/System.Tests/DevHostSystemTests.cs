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

    private static IReadOnlyList<string> Services { get; } =
        Topology.Build().Projects.Single(p => p.ExternalHttpEndpoint).References.ToList();

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
