namespace ECommerce.LocalServers;

/// <param name="Port">AMQP port; the Erlang distribution port is <c>Port + 20000</c>, so keep it at most 45535 (see <see cref="FreePort.NextForRabbitMq"/>).</param>
/// <param name="EpmdPort">A private epmd per broker, so two brokers side by side never share node registrations.</param>
public sealed record RabbitMqOptions(
    string StateDirectory,
    int Port,
    int ManagementPort,
    int EpmdPort,
    string NodeName = "ecommerce",
    string User = "shop",
    string Password = "shop",
    string VirtualHost = "shop",
    string Name = "rabbitmq")
{
    public int DistributionPort => Port + 20000;

    /// <summary>Delete the state folder when the server is disposed (throwaway test servers).</summary>
    public bool DeleteStateOnDispose { get; init; }
}
