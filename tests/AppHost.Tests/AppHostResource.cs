using ECommerce.DevHost;

namespace ECommerce.AppHost.Tests;

/// <summary>One resource as AppHost/Program.cs declares it, read from the source (AppHost cannot be built here).</summary>
public sealed class AppHostResource(string name, ResourceKind kind, string? parent, string? projectType)
{
    public string Name { get; } = name;
    public ResourceKind Kind { get; } = kind;
    public string? Parent { get; } = parent;

    /// <summary>The generated metadata class of AddProject&lt;T&gt;, e.g. <c>Projects.Product_Api</c>.</summary>
    public string? ProjectType { get; } = projectType;

    public List<string> References { get; } = [];
    public List<string> WaitsFor { get; } = [];

    /// <summary>WithEnvironment values, parameters already replaced by their configured value.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>Every call made on the resource's builder, as written: <c>WithLifetime(ContainerLifetime.Persistent)</c>.</summary>
    public List<string> Calls { get; } = [];

    public bool ExternalHttpEndpoint { get; set; }
    public bool ManagementPlugin { get; set; }
    public string? HealthCheckPath { get; set; }
}
