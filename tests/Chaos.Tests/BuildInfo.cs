using System.Reflection;

namespace ECommerce.Chaos.Tests;

/// <summary>The repository and build configuration these tests were built from (stamped by the project file).</summary>
public static class BuildInfo
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string DevHostAssembly =>
        Path.Combine(RepoRoot, "DevHost", "bin", Configuration, "net10.0", "ECommerce.DevHost.dll");

    private static string Metadata(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} metadata.");
}
