using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.AppHost.Servers;

public static class LocalRabbitMQBuilderExtensions
{
    private const string LoopbackOnly = "-kernel inet_dist_use_interface {127,0,0,1}";

    /// <summary>
    /// RabbitMQ with the management plugin as a child process on 127.0.0.1. Erlang's port mapper (epmd) runs as a
    /// resource of its own (<c>{name}-epmd</c>) rather than as the daemon the broker would leave behind, so stopping
    /// the AppHost stops it too.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, int port, int managementPort, int epmdPort)
    {
        var state = LocalServerState.Folder(builder, name);
        if (LocalServerState.AutoPorts(builder))
        {
            // AMQP + 20000 is the distribution port; 35672-35682 is where rabbitmqctl listens.
            port = LocalServerState.FreePort(p => p <= 45535 && p is < 35672 or > 35682 && LocalServerState.IsFree(p + 20000));
            managementPort = LocalServerState.FreePort(_ => true);
            epmdPort = LocalServerState.FreePort(_ => true);
        }
        Directory.CreateDirectory(Path.Combine(state, "mnesia"));
        Directory.CreateDirectory(Path.Combine(state, "log"));
        File.WriteAllText(Path.Combine(state, "rabbitmq.conf"),
            $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {managementPort}\nloopback_users = none\n");
        File.WriteAllText(Path.Combine(state, "enabled_plugins"), "[rabbitmq_management].\n");

        var epmdName = $"{name}-epmd";
        builder.Services.AddHealthChecks().AddAsyncCheck(epmdName, ct => TcpProbe.CheckAsync(epmdPort, null, null, ct));
        var epmd = builder.AddExecutable(epmdName, "epmd", state, "-port", $"{epmdPort}", "-address", "127.0.0.1")
            .WithHealthCheck(epmdName)
            .ExcludeFromManifest();

        // Answering an AMQP 0-9-1 protocol header with a Connection.Start method frame (type 1) means the broker is up.
        builder.Services.AddHealthChecks().AddAsyncCheck(name, ct =>
            TcpProbe.CheckAsync(port, "AMQP\0\0\u0009\u0001"u8.ToArray(), (answer, read) => read > 0 && answer[0] == 1, ct));
        var rabbit = builder.AddResource(new LocalRabbitMQResource(name, state))
            .WithEnvironment("HOME", state)
            .WithEnvironment("LC_ALL", "C.UTF-8")
            .WithEnvironment("RABBITMQ_NODENAME", (name + port + "@localhost"))
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", port.ToString())
            .WithEnvironment("RABBITMQ_DIST_PORT", (port + 20000).ToString())
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(state, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(state, "log"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(state, "rabbitmq.conf"))
            .WithEnvironment("RABBITMQ_ADVANCED_CONFIG_FILE", Path.Combine(state, "advanced.config"))
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", Path.Combine(state, "rabbitmq-env.conf"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(state, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(state, "rabbit.pid"))
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("ERL_EPMD_PORT", epmdPort.ToString())
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", LoopbackOnly)
            .WithEnvironment("RABBITMQ_CTL_ERL_ARGS", LoopbackOnly)
            .WithEndpoint(name: "tcp", port: port, targetPort: port, isProxied: false)
            .WithHttpEndpoint(name: "management", port: managementPort, targetPort: managementPort, isProxied: false)
            .WithHealthCheck(name)
            .WaitFor(epmd)
            .ExcludeFromManifest();
        epmd.WithParentRelationship(rabbit);
        return rabbit;
    }
}
