namespace ECommerce.DevHost;

/// <summary>A tiny stand-in for Aspire's DistributedApplicationBuilder: it only records what is declared.</summary>
public sealed class TopologyBuilder
{
    private readonly List<ResourceBuilder> _resources = [];

    public ResourceBuilder AddPostgres(string name) => Add(name, ResourceKind.Postgres);

    public ResourceBuilder AddRedis(string name) => Add(name, ResourceKind.Redis);

    public ResourceBuilder AddRabbitMQ(string name) => Add(name, ResourceKind.RabbitMQ);

    /// <param name="projectPath">The project's folder relative to the repository root, e.g. services/Product/Product.Api.</param>
    public ResourceBuilder AddProject(string name, string projectPath) => Add(name, ResourceKind.Project, projectPath: projectPath);

    public DistributedTopology Build() => new(_resources.Select(r => r.ToSpec()).ToList());

    internal ResourceBuilder Add(string name, ResourceKind kind, string? parent = null, string? projectPath = null)
    {
        // Resource names become configuration keys and host names (http://product): keep them to what both allow.
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw new ArgumentException($"Resource name '{name}' must be lower-case letters, digits or '-'.", nameof(name));
        if (_resources.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"Resource '{name}' is declared twice.");
        var resource = new ResourceBuilder(this, name, kind, parent, projectPath);
        _resources.Add(resource);
        return resource;
    }
}
