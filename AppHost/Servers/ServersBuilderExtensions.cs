namespace ECommerce.AppHost.Servers;

public static class ServersBuilderExtensions
{
    public static readonly string[] DatabaseNames = ["productdb", "orderdb", "inventorydb", "paymentdb", "identitydb"];

    /// <summary>
    /// PostgreSQL, Redis and RabbitMQ under the names and ports the services know, as containers when a container
    /// runtime answers and as local processes otherwise. The mode shows in the dashboard as the <c>servers</c> parameter.
    /// </summary>
    public static ServerResources AddServers(this IDistributedApplicationBuilder builder)
    {
        var mode = ServerMode.Resolve(builder.Configuration["servers"]);
        builder.AddParameter("servers", mode).WithDescription("How the servers run: local processes or containers (--servers local|container).");
        var password = builder.AddParameter("postgres-password", "postgres", secret: true);
        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        if (mode == ServerMode.Local)
        {
            var postgres = builder.AddLocalPostgres("postgres", port: 55432, password);
            foreach (var name in DatabaseNames) databases[name] = postgres.AddDatabase(name);
            return new(databases,
                builder.AddLocalRedis("redis", port: 56379),
                builder.AddLocalRabbitMQ("eventbus", port: 25672, managementPort: 15673, epmdPort: 24369));
        }

        // --ports auto: host ports of Aspire's choosing, as for the local servers.
        int? Fixed(int port) => LocalServerState.AutoPorts(builder) ? null : port;
        var container = builder.AddPostgres("postgres", password: password, port: Fixed(55432))
            .WithDataVolume()
            .WithLifetime(ContainerLifetime.Persistent);
        foreach (var name in DatabaseNames) databases[name] = container.AddDatabase(name);
#pragma warning disable ASPIRECERTIFICATES001 // the services connect to Redis over plain TCP in both modes
        var redis = builder.AddRedis("redis", port: Fixed(56379)).WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
        var eventBus = builder.AddRabbitMQ("eventbus", port: Fixed(25672)).WithManagementPlugin(port: Fixed(15673));
        return new(databases, redis, eventBus);
    }
}
