namespace ECommerce.DevHost;

/// <summary>
/// One declared resource: what it is, what it references (its configuration comes from these)
/// and what must be healthy before it starts. Immutable; built by <see cref="TopologyBuilder"/>.
/// </summary>
public sealed record ResourceSpec(
    string Name,
    ResourceKind Kind,
    string? Parent,
    string? ProjectPath,
    IReadOnlyList<string> References,
    IReadOnlyList<string> WaitsFor,
    IReadOnlyDictionary<string, string> Environment,
    bool ExternalHttpEndpoint,
    bool ManagementPlugin)
{
    public bool IsProject => Kind == ResourceKind.Project;

    /// <summary>Servers run as processes of their own; a database lives inside its server.</summary>
    public bool IsServer => Kind is ResourceKind.Postgres or ResourceKind.Redis or ResourceKind.RabbitMQ;

    /// <summary>The project file, relative to the repository root: the folder's last segment names it.</summary>
    public string? ProjectFile => ProjectPath is null ? null : $"{ProjectPath}/{ProjectName}.csproj";

    /// <summary>The built assembly's file name (Directory.Build.props prefixes every assembly with ECommerce.).</summary>
    public string? AssemblyFile => ProjectPath is null ? null : $"ECommerce.{ProjectName}.dll";

    private string ProjectName => Path.GetFileName(ProjectPath!.TrimEnd('/'));
}
