using System.Reflection;

namespace ECommerce.SystemInfrastructure;

/// <summary>The repository and build configuration this was built from (stamped by the project file).</summary>
public static class BuildInfo
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    private static string Metadata(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} metadata.");
}
