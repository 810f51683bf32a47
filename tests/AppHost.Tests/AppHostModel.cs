using System.Text.Json;
using System.Xml.Linq;

namespace ECommerce.AppHost.Tests;

/// <summary>What an AppHost folder declares: the resources of Program.cs and the ProjectReferences of AppHost.csproj.</summary>
public sealed record AppHostModel(IReadOnlyList<AppHostResource> Resources, IReadOnlyList<string> ProjectReferences)
{
    public static AppHostModel Load(string appHostDirectory)
    {
        var parameters = ReadParameters(Path.Combine(appHostDirectory, "appsettings.json"));
        var resources = AppHostProgramReader.Read(File.ReadAllText(Path.Combine(appHostDirectory, "Program.cs")), parameters);
        return new AppHostModel(resources, ReadProjectReferences(Path.Combine(appHostDirectory, "AppHost.csproj")));
    }

    /// <summary>Aspire reads a parameter's value from the Parameters section of the AppHost's configuration.</summary>
    private static Dictionary<string, string> ReadParameters(string appSettingsPath)
    {
        if (!File.Exists(appSettingsPath)) return [];
        using var json = JsonDocument.Parse(File.ReadAllText(appSettingsPath));
        return json.RootElement.TryGetProperty("Parameters", out var section)
            ? section.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
            : [];
    }

    /// <summary>Paths relative to the repository root, as DevHost's ResourceSpec.ProjectFile gives them.</summary>
    private static List<string> ReadProjectReferences(string projectPath) =>
        XDocument.Load(projectPath).Descendants("ProjectReference")
            .Select(r => ((string?)r.Attribute("Include") ?? "").Replace("$(RepoRoot)", "").Replace('\\', '/'))
            .ToList();
}
