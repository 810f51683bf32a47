using ECommerce.DevHost;

namespace ECommerce.System.Tests;

/// <summary>The declared topology, checked without starting anything.</summary>
public sealed class TopologyTests
{
    private readonly DistributedTopology _topology = Topology.Build();

    [Fact]
    public void Every_project_in_the_topology_exists_on_disk()
    {
        var missing = _topology.Projects
            .Where(p => !File.Exists(Path.Combine(BuildInfo.RepoRoot, p.ProjectFile!)))
            .Select(p => $"{p.Name}: {p.ProjectFile}");

        Assert.Empty(missing);
    }

    [Fact]
    public void The_dependency_graph_has_no_cycle()
    {
        var edges = _topology.Resources.ToDictionary(
            r => r.Name,
            r => r.References.Concat(r.WaitsFor).Concat(r.Parent is null ? [] : [r.Parent]).Distinct().ToList());
        var done = new HashSet<string>();
        var onPath = new List<string>();

        void Visit(string name)
        {
            Assert.False(onPath.Contains(name), $"cycle: {string.Join(" -> ", onPath.Append(name))}");
            if (!done.Add(name)) return;
            onPath.Add(name);
            foreach (var next in edges[name]) Visit(next);
            onPath.RemoveAt(onPath.Count - 1);
        }

        foreach (var name in edges.Keys) Visit(name);
    }

    [Fact]
    public void Every_project_waits_for_each_database_and_server_it_references()
    {
        var missing =
            from project in _topology.Projects
            from reference in project.References
            where !_topology[reference].IsProject && !project.WaitsFor.Contains(reference)
            select $"{project.Name} references {reference} without waiting for it";

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_reference_names_a_declared_resource()
    {
        var names = _topology.Resources.Select(r => r.Name).ToHashSet();
        var unknown = _topology.Resources.SelectMany(r => r.References.Concat(r.WaitsFor)).Where(n => !names.Contains(n));

        Assert.Empty(unknown);
    }

    [Fact]
    public void The_gateway_is_the_only_external_endpoint_and_references_every_service()
    {
        var external = Assert.Single(_topology.Projects, p => p.ExternalHttpEndpoint);
        var services = _topology.Projects.Where(p => p != external).Select(p => p.Name);

        Assert.Equal("gateway", external.Name);
        // Besides the services, it references Redis, where its rate limits live.
        Assert.Equal(services.Order(), external.References.Where(r => _topology[r].IsProject).Order());
    }
}
