using System.Text.Json;
using ECommerce.DevHost;

namespace ECommerce.AppHost.Tests;

/// <summary>Aspire gives a project the endpoints of its launch profile: the http one, on DevHost's port.</summary>
public sealed class LaunchSettingsTests
{
    public static TheoryData<string> Projects() => [.. Topology.Build().Projects.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_project_has_an_http_profile_on_its_DevHost_port(string name)
    {
        var topology = Topology.Build();
        var port = PortPlan.Create(topology, new DevHostOptions())[name].Main;
        var path = Path.Combine(RepositoryRoot.Locate(), topology[name].ProjectPath!, "Properties", "launchSettings.json");
        Assert.True(File.Exists(path), $"'{name}' has no {path}: Aspire would give it no HTTP endpoint.");

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var http = json.RootElement.GetProperty("profiles").GetProperty("http");

        Assert.Equal($"http://localhost:{port}", http.GetProperty("applicationUrl").GetString());
        Assert.Equal("Development", http.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }
}
