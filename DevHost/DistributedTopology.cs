namespace ECommerce.DevHost;

/// <summary>The validated set of resources, in declaration order.</summary>
public sealed class DistributedTopology
{
    private readonly Dictionary<string, ResourceSpec> _byName;

    public DistributedTopology(IReadOnlyList<ResourceSpec> resources)
    {
        Resources = resources;
        _byName = resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var resource in resources)
        {
            var endpoints = resource.Environment.Values
                .Select(v => EndpointReference.TryParse(v, out var e) ? e.Resource : null).OfType<string>();
            foreach (var dependency in resource.References.Concat(resource.WaitsFor).Concat(endpoints))
            {
                if (!_byName.ContainsKey(dependency))
                    throw new InvalidOperationException($"'{resource.Name}' depends on unknown resource '{dependency}'.");
            }
        }
        StartOrder = Sort();
    }

    public IReadOnlyList<ResourceSpec> Resources { get; }

    /// <summary>Every resource after everything it waits for (and a database after its server).</summary>
    public IReadOnlyList<ResourceSpec> StartOrder { get; }

    public IEnumerable<ResourceSpec> Projects => Resources.Where(r => r.IsProject);

    public ResourceSpec this[string name] => _byName[name];

    public bool TryGet(string name, out ResourceSpec spec) => _byName.TryGetValue(name, out spec!);

    /// <summary>What has to be healthy before <paramref name="resource"/> starts.</summary>
    public IEnumerable<string> Prerequisites(ResourceSpec resource) =>
        resource.Parent is null ? resource.WaitsFor : resource.WaitsFor.Prepend(resource.Parent).Distinct();

    /// <summary>Only the servers and their databases: for running services from an IDE.</summary>
    public DistributedTopology WithoutProjects() => new(Resources.Where(r => !r.IsProject).ToList());

    private List<ResourceSpec> Sort()
    {
        var order = new List<ResourceSpec>();
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false: visiting, true: done
        foreach (var resource in Resources) Visit(resource, [], order, state);
        return order;
    }

    private void Visit(ResourceSpec resource, List<string> path, List<ResourceSpec> order, Dictionary<string, bool> state)
    {
        if (state.TryGetValue(resource.Name, out var done))
        {
            if (done) return;
            throw new InvalidOperationException($"Dependency cycle: {string.Join(" -> ", path)} -> {resource.Name}.");
        }
        state[resource.Name] = false;
        path.Add(resource.Name);
        foreach (var prerequisite in Prerequisites(resource)) Visit(_byName[prerequisite], path, order, state);
        path.RemoveAt(path.Count - 1);
        state[resource.Name] = true;
        order.Add(resource);
    }
}
