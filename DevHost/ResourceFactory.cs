namespace ECommerce.DevHost;

/// <summary>Turns each declared resource into the thing that runs it, with its log, ports and configuration.</summary>
public static class ResourceFactory
{
    public static IReadOnlyList<RunningResource> Create(
        DistributedTopology topology, Repository repository, StateFolder folder, PortPlan ports,
        DevHostOptions options, ConsoleView console)
    {
        var width = topology.Resources.Max(r => r.Name.Length);
        var byName = new Dictionary<string, RunningResource>(StringComparer.OrdinalIgnoreCase);
        var resources = new List<RunningResource>();
        foreach (var (spec, index) in topology.Resources.Select((s, i) => (s, i)))
        {
            var log = new ResourceLog(folder.LogOf(spec.Name), console, console.Prefix(spec.Name, index, width), echo: !options.Quiet);
            RunningResource resource = spec.Kind switch
            {
                // Declaration order puts a server before its databases.
                ResourceKind.Database => new DatabaseResource(spec, (ServerResource)byName[spec.Parent!], log),
                ResourceKind.Project => new ProjectResource(
                    spec,
                    repository.AssemblyOf(spec),
                    repository.DirectoryOf(spec),
                    ports[spec.Name].Main,
                    project => ProjectEnvironment.For(project, name => byName[name], options.OtlpEndpoint, options.Overrides),
                    options.HealthTimeout,
                    log),
                _ => new ServerResource(spec, LocalServerFactory.Create(spec, ports[spec.Name], folder.DataOf(spec.Name)), ports[spec.Name], log),
            };
            byName[spec.Name] = resource;
            resources.Add(resource);
        }
        return resources;
    }
}
