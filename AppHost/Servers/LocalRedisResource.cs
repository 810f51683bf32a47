namespace ECommerce.AppHost.Servers;

/// <summary>redis-server from the Debian package, in the foreground, its append-only file under the state folder.</summary>
public sealed class LocalRedisResource(string name, string workingDirectory)
    : ExecutableResource(name, "redis-server", workingDirectory), IResourceWithConnectionString
{
    public EndpointReference PrimaryEndpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
