using ECommerce.LocalServers;

namespace ECommerce.DevHost;

/// <summary>Builds the local server a topology resource stands for, in its own data folder.</summary>
public static class LocalServerFactory
{
    public static ILocalServer Create(ResourceSpec spec, ResourcePorts ports, string dataDirectory) => spec.Kind switch
    {
        ResourceKind.Postgres => new PostgresServer(new PostgresOptions(dataDirectory, ports.Main, Name: spec.Name)),
        ResourceKind.Redis => new RedisServer(new RedisOptions(dataDirectory, ports.Main, Name: spec.Name)),
        ResourceKind.RabbitMQ => new RabbitMqServer(new RabbitMqOptions(
            dataDirectory, ports.Main, ports.Management!.Value, ports.Epmd!.Value,
            // A node name per AMQP port lets a test instance run beside the developer's own.
            NodeName: ports.Main == 25672 ? "ecommerce" : $"ecommerce{ports.Main}",
            Name: spec.Name)),
        _ => throw new ArgumentException($"'{spec.Name}' ({spec.Kind}) is not a server.", nameof(spec)),
    };
}
