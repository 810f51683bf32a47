namespace ECommerce.AppHost.Servers;

/// <summary>
/// RabbitMQ's server script (not the /usr/sbin wrapper, which switches user) with its own HOME, node name, ports and
/// epmd, so it neither meets a system broker nor another run's.
/// </summary>
public sealed class LocalRabbitMQResource(string name, string workingDirectory)
    : ExecutableResource(name, "/usr/lib/rabbitmq/bin/rabbitmq-server", workingDirectory), IResourceWithConnectionString
{
    public EndpointReference PrimaryEndpoint => new(this, "tcp");

    public EndpointReference ManagementEndpoint => new(this, "management");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://guest:guest@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}/");
}
