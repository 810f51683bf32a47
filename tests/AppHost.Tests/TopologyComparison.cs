using System.Text.RegularExpressions;
using ECommerce.DevHost;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// Every way AppHost/Program.cs differs from DevHost/Topology.cs, one sentence each naming the resource.
/// Order of declarations and of references does not matter; names, kinds, parents, references, waits,
/// environment, the gateway's external endpoint, the management plugin and the project files do.
/// </summary>
public static class TopologyComparison
{
    public const string HealthPath = "/health"; // what DevHost waits for before it calls a project started

    public static IReadOnlyList<string> Compare(DistributedTopology devHost, AppHostModel appHost)
    {
        var differences = new List<string>();
        var declared = appHost.Resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

        foreach (var missing in devHost.Resources.Where(r => !declared.ContainsKey(r.Name)))
            differences.Add($"'{missing.Name}' ({missing.Kind}) is declared in DevHost/Topology.cs but not in AppHost/Program.cs");
        foreach (var extra in appHost.Resources.Where(r => !devHost.TryGet(r.Name, out _)))
            differences.Add($"'{extra.Name}' ({extra.Kind}) is declared in AppHost/Program.cs but not in DevHost/Topology.cs");
        foreach (var expected in devHost.Resources.Where(r => declared.ContainsKey(r.Name)))
            CompareResource(expected, declared[expected.Name], differences);

        CompareProjectFiles(devHost, appHost, differences);
        return differences;
    }

    private static void CompareResource(ResourceSpec expected, AppHostResource actual, List<string> differences)
    {
        var name = expected.Name;
        if (expected.Kind != actual.Kind)
            differences.Add($"'{name}' is a {expected.Kind} in DevHost but a {actual.Kind} in AppHost");
        if (!string.Equals(expected.Parent, actual.Parent, StringComparison.OrdinalIgnoreCase))
            differences.Add($"'{name}' belongs to '{expected.Parent ?? "(none)"}' in DevHost but to '{actual.Parent ?? "(none)"}' in AppHost");

        CompareSet(name, "references", expected.References, actual.References, differences);
        CompareSet(name, "waits for", expected.WaitsFor, actual.WaitsFor, differences);

        foreach (var (key, value) in expected.Environment)
        {
            if (!actual.Environment.TryGetValue(key, out var actualValue))
                differences.Add($"'{name}' sets {key} in DevHost but not in AppHost");
            else if (actualValue != value)
                differences.Add($"'{name}' sets {key} to '{value}' in DevHost but to '{actualValue}' in AppHost");
        }
        foreach (var key in actual.Environment.Keys.Where(k => !expected.Environment.ContainsKey(k)))
            differences.Add($"'{name}' sets {key} in AppHost but not in DevHost");

        if (expected.ExternalHttpEndpoint != actual.ExternalHttpEndpoint)
            differences.Add($"'{name}' has an external HTTP endpoint in {(expected.ExternalHttpEndpoint ? "DevHost but not in AppHost" : "AppHost but not in DevHost")}");
        if (expected.ManagementPlugin != actual.ManagementPlugin)
            differences.Add($"'{name}' has the management plugin in {(expected.ManagementPlugin ? "DevHost but not in AppHost" : "AppHost but not in DevHost")}");

        if (expected.IsProject)
        {
            var projectType = $"Projects.{Regex.Replace(Path.GetFileName(expected.ProjectPath!), @"\W", "_")}";
            if (actual.ProjectType != projectType)
                differences.Add($"'{name}' runs {expected.ProjectFile} in DevHost, so AppHost should add {projectType}, not {actual.ProjectType}");
            if (actual.HealthCheckPath != HealthPath)
                differences.Add($"'{name}' has no WithHttpHealthCheck(\"{HealthPath}\") in AppHost, while DevHost waits for {HealthPath}");
        }
    }

    private static void CompareSet(string name, string relation, IEnumerable<string> expected, IEnumerable<string> actual, List<string> differences)
    {
        var inDevHost = expected.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inAppHost = actual.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var missing in inDevHost.Where(d => !inAppHost.Contains(d)))
            differences.Add($"'{name}' {relation} '{missing}' in DevHost but not in AppHost");
        foreach (var extra in inAppHost.Where(d => !inDevHost.Contains(d)))
            differences.Add($"'{name}' {relation} '{extra}' in AppHost but not in DevHost");
    }

    private static void CompareProjectFiles(DistributedTopology devHost, AppHostModel appHost, List<string> differences)
    {
        var referenced = appHost.ProjectReferences.ToHashSet(StringComparer.Ordinal);
        var projectFiles = devHost.Projects.Select(p => p.ProjectFile!).ToHashSet(StringComparer.Ordinal);
        foreach (var project in devHost.Projects.Where(p => !referenced.Contains(p.ProjectFile!)))
            differences.Add($"AppHost/AppHost.csproj has no ProjectReference to {project.ProjectFile} ('{project.Name}')");
        foreach (var extra in referenced.Where(r => !projectFiles.Contains(r)))
            differences.Add($"AppHost/AppHost.csproj references {extra}, which no DevHost resource runs");
    }
}
