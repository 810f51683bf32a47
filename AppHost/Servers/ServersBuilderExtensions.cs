namespace ECommerce.AppHost.Servers;

public static class ServersBuilderExtensions
{
    public static readonly string[] DatabaseNames = ["productdb", "orderdb", "inventorydb", "paymentdb", "identitydb"];

    /// <summary>The servers <c>--only</c> may name.</summary>
    public static readonly string[] ServerNames = ["postgres", "redis", "eventbus"];

    /// <summary>
    /// PostgreSQL, Redis and RabbitMQ under the names and ports the services know, as containers when a container
    /// runtime answers and as local processes otherwise. The mode shows in the dashboard as the <c>servers</c> parameter.
    /// </summary>
    public static ServerResources AddServers(this IDistributedApplicationBuilder builder)
    {
        var mode = AddMode(builder);
        return new(AddPostgres(builder, mode), AddRedis(builder, mode), AddEventBus(builder, mode));
    }

    /// <summary>
    /// Only the servers <paramref name="only"/> names (<c>--topology servers --only redis</c>, or <c>postgres,eventbus</c>):
    /// what an integration test starts when it needs one server and not the others.
    /// </summary>
    public static void AddServers(this IDistributedApplicationBuilder builder, IReadOnlyCollection<string> only)
    {
        if (only.Except(ServerNames).ToList() is [_, ..] unknown)
            throw new ArgumentException($"--only {string.Join(',', unknown)}: expected some of {string.Join(',', ServerNames)}.");
        var mode = AddMode(builder);
        if (only.Contains("postgres")) AddPostgres(builder, mode);
        if (only.Contains("redis")) AddRedis(builder, mode);
        if (only.Contains("eventbus")) AddEventBus(builder, mode);
    }

    /// <summary>The <c>--only</c> list, or null when it is not given.</summary>
    public static IReadOnlyCollection<string>? Only(IDistributedApplicationBuilder builder) =>
        builder.Configuration["only"] is { Length: > 0 } only
            ? only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;

    private static string AddMode(IDistributedApplicationBuilder builder)
    {
        var mode = ServerMode.Resolve(builder.Configuration["servers"]);
        builder.AddParameter("servers", mode).WithDescription("How the servers run: local processes or containers (--servers local|container).");
        return mode;
    }

    private static Dictionary<string, IResourceBuilder<IResourceWithConnectionString>> AddPostgres(IDistributedApplicationBuilder builder, string mode)
    {
        var password = builder.AddParameter("postgres-password", "postgres", secret: true);
        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        if (mode == ServerMode.Local)
        {
            var postgres = builder.AddLocalPostgres("postgres", port: 55432, password);
            foreach (var name in DatabaseNames) databases[name] = postgres.AddDatabase(name);
            return databases;
        }
        var container = builder.AddPostgres("postgres", password: password, port: Fixed(builder, 55432))
            .WithDataVolume()
            .WithLifetime(ContainerLifetime.Persistent);
        foreach (var name in DatabaseNames) databases[name] = container.AddDatabase(name);
        return databases;
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddRedis(IDistributedApplicationBuilder builder, string mode)
    {
        if (mode == ServerMode.Local) return builder.AddLocalRedis("redis", port: 56379);
#pragma warning disable ASPIRECERTIFICATES001 // the services connect to Redis over plain TCP in both modes
        return builder.AddRedis("redis", port: Fixed(builder, 56379)).WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddEventBus(IDistributedApplicationBuilder builder, string mode) =>
        mode == ServerMode.Local
            ? builder.AddLocalRabbitMQ("eventbus", port: 25672, managementPort: 15673, epmdPort: 24369)
            : builder.AddRabbitMQ("eventbus", port: Fixed(builder, 25672)).WithManagementPlugin(port: Fixed(builder, 15673));

    /// <summary>A container's host port: the fixed one, or one of Aspire's choosing under <c>--ports auto</c>.</summary>
    private static int? Fixed(IDistributedApplicationBuilder builder, int port) => LocalServerState.AutoPorts(builder) ? null : port;
}
