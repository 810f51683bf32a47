using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using ECommerce.SystemInfrastructure;

namespace ECommerce.AppHost.Tests;

/// <summary>F5 and <c>dotnet run --project AppHost</c> here, where there is no developer certificate.</summary>
public sealed class LaunchSettingsTests
{
    [Fact]
    public void The_http_profile_runs_the_dashboard_over_plain_http()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(BuildInfo.RepoRoot, "AppHost", "Properties", "launchSettings.json")));
        var http = json.RootElement.GetProperty("profiles").GetProperty("http");
        var environment = http.GetProperty("environmentVariables");

        Assert.StartsWith("http://", http.GetProperty("applicationUrl").GetString());
        Assert.DoesNotContain("https://", http.GetProperty("applicationUrl").GetString());
        Assert.Equal("true", environment.GetProperty("ASPIRE_ALLOW_UNSECURED_TRANSPORT").GetString());
        Assert.All(environment.EnumerateObject().Where(p => p.Name.EndsWith("_URL")),
            p => Assert.StartsWith("http://", p.Value.GetString()));
    }

    [Fact]
    public async Task Every_project_has_an_http_profile_in_Development_so_Aspire_gives_it_an_http_endpoint()
    {
        await using var model = await AppHostModel.BuildAsync("--servers", "local");

        Assert.All(model.Projects, project =>
        {
            var settings = Path.Combine(Path.GetDirectoryName(project.GetProjectMetadata().ProjectPath)!, "Properties", "launchSettings.json");
            using var json = JsonDocument.Parse(File.ReadAllText(settings));
            var http = json.RootElement.GetProperty("profiles").GetProperty("http");
            Assert.StartsWith("http://", http.GetProperty("applicationUrl").GetString());
            Assert.Equal("Development", http.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
            Assert.Contains(project.Annotations.OfType<EndpointAnnotation>(), e => e.Name == "http");
        });
    }
}
