using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using ECommerce.AppHost.Servers;

namespace ECommerce.AppHost;

/// <summary>Before anything starts: every fixed port this run needs must be free, or the run stops with a clear message.</summary>
public static class StartupChecks
{
    public static bool PortsAreFree(IDistributedApplicationBuilder builder)
    {
        var wanted = new List<(int Port, string Owner)>();
        // Aspire.Hosting.Testing (tests, ./chaos.sh) puts services on random ports and runs no dashboard.
        var randomized = builder.Configuration.GetValue<bool>("DcpPublisher:RandomizePorts");
        foreach (var resource in builder.Resources)
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
                if (endpoint.Port is { } port && !(randomized && resource is ProjectResource)) wanted.Add((port, $"{resource.Name} {endpoint.Name}"));
            if (!randomized && resource is ProjectResource project && LaunchPort(project) is { } launchPort) wanted.Add((launchPort, resource.Name));
        }
        if (!randomized)
            foreach (var key in new[] { "ASPNETCORE_URLS", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL" })
                foreach (var url in (builder.Configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
                    if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port > 0) wanted.Add((uri.Port, $"dashboard ({key})"));

        var taken = wanted.DistinctBy(w => w.Port).Where(w => !LocalServerState.IsFree(w.Port)).ToList();
        foreach (var (port, owner) in taken)
            Console.Error.WriteLine($"Port {port} ({owner}) is already in use. See what holds it: ss -ltnp 'sport = :{port}'. " +
                "Stop it (an earlier ./run.sh still running?), or run ./run.sh --ports auto to put the servers on free ports.");
        return taken.Count == 0;
    }

    /// <summary>The http port of the project's launch profile, which DCP's proxy listens on.</summary>
    private static int? LaunchPort(ProjectResource project)
    {
        var metadata = project.GetProjectMetadata();
        var settings = Path.Combine(Path.GetDirectoryName(metadata.ProjectPath)!, "Properties", "launchSettings.json");
        if (!File.Exists(settings)) return null;
        var url = JsonNode.Parse(File.ReadAllText(settings))?["profiles"]?["http"]?["applicationUrl"]?.GetValue<string>();
        return Uri.TryCreate(url?.Split(';')[0], UriKind.Absolute, out var uri) ? uri.Port : null;
    }
}
