namespace ECommerce.AppHost.Servers;

/// <summary>The servers the services reference, however they run: a database per service, Redis and the event bus.</summary>
public sealed record ServerResources(
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResourceWithConnectionString> EventBus)
{
    public IResourceBuilder<IResourceWithConnectionString> Database(string name) => Databases[name];
}
