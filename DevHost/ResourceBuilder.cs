namespace ECommerce.DevHost;

/// <summary>
/// A resource being declared, with the verbs of Aspire's IResourceBuilder (WithReference, WaitFor, ...)
/// so the topology reads like AppHost/Program.cs.
/// </summary>
public sealed class ResourceBuilder
{
    private readonly TopologyBuilder _topology;
    private readonly List<string> _references = [];
    private readonly List<string> _waitsFor = [];
    private readonly Dictionary<string, string> _environment = [];
    private bool _externalHttpEndpoint;
    private bool _managementPlugin;

    internal ResourceBuilder(TopologyBuilder topology, string name, ResourceKind kind, string? parent, string? projectPath)
    {
        _topology = topology;
        Name = name;
        Kind = kind;
        Parent = parent;
        ProjectPath = projectPath;
    }

    public string Name { get; }
    public ResourceKind Kind { get; }
    public string? Parent { get; }
    public string? ProjectPath { get; }

    public ResourceBuilder AddDatabase(string name)
    {
        Require(ResourceKind.Postgres, nameof(AddDatabase));
        return _topology.Add(name, ResourceKind.Database, parent: Name);
    }

    public ResourceBuilder WithReference(ResourceBuilder resource)
    {
        Require(ResourceKind.Project, nameof(WithReference));
        AddOnce(_references, resource.Name);
        return this;
    }

    public ResourceBuilder WaitFor(ResourceBuilder resource)
    {
        AddOnce(_waitsFor, resource.Name);
        return this;
    }

    public ResourceBuilder WithEnvironment(string name, string value)
    {
        Require(ResourceKind.Project, nameof(WithEnvironment));
        _environment[name] = value;
        return this;
    }

    /// <summary>A value that is another project's URL, known only when the ports are: see <see cref="EndpointReference"/>.</summary>
    public ResourceBuilder WithEnvironment(string name, EndpointReference endpoint) => WithEnvironment(name, endpoint.Expression);

    public EndpointReference GetEndpoint(string name)
    {
        Require(ResourceKind.Project, nameof(GetEndpoint));
        return new EndpointReference(Name, name);
    }

    public ResourceBuilder WithExternalHttpEndpoints()
    {
        Require(ResourceKind.Project, nameof(WithExternalHttpEndpoints));
        _externalHttpEndpoint = true;
        return this;
    }

    public ResourceBuilder WithManagementPlugin()
    {
        Require(ResourceKind.RabbitMQ, nameof(WithManagementPlugin));
        _managementPlugin = true;
        return this;
    }

    internal ResourceSpec ToSpec() => new(
        Name, Kind, Parent, ProjectPath, _references.ToArray(), _waitsFor.ToArray(),
        new Dictionary<string, string>(_environment), _externalHttpEndpoint, _managementPlugin);

    private void Require(ResourceKind kind, string verb)
    {
        if (Kind != kind) throw new InvalidOperationException($"{verb} applies to {kind} resources, not to '{Name}' ({Kind}).");
    }

    private static void AddOnce(List<string> list, string name)
    {
        if (!list.Contains(name, StringComparer.OrdinalIgnoreCase)) list.Add(name);
    }
}
