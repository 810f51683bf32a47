using System.Text.Json;
using Xunit;

namespace ECommerce.TestInfrastructure;

/// <summary>
/// A service with dedicated throwaway servers for what it uses (so tests may stop them), started once per test class.
/// </summary>
public abstract class ServiceFixture<TEntryPoint>(string? database = null, bool redis = false, bool broker = false) : IAsyncLifetime
    where TEntryPoint : class
{
    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("This service has no database.");
    public RedisServer Redis => _redis ?? throw new InvalidOperationException("This service does not use Redis.");
    public RabbitMqServer Broker => _broker ?? throw new InvalidOperationException("This service does not use the broker.");
    public ServiceUnderTest<TEntryPoint> Service { get; private set; } = null!;
    public string? Database => database;

    private ServerSystem? _servers;
    private PostgresServer? _postgres;
    private RedisServer? _redis;
    private RabbitMqServer? _broker;

    public async Task InitializeAsync()
    {
        var servers = new List<string>();
        if (database is not null) servers.Add(ServerSystem.PostgresName);
        if (redis) servers.Add(ServerSystem.RedisName);
        if (broker) servers.Add(ServerSystem.BrokerName);
        _servers = await TestServers.StartDedicatedAsync([.. servers]);
        if (database is not null)
        {
            _postgres = _servers.Postgres;
            await _postgres.EnsureDatabaseAsync(database);
        }
        if (redis) _redis = _servers.Redis;
        if (broker) _broker = _servers.Broker;

        var settings = new Dictionary<string, string>();
        if (database is not null) settings[$"ConnectionStrings:{database}"] = Postgres.GetConnectionString(database);
        if (redis) settings["ConnectionStrings:redis"] = Redis.ConnectionString;
        if (broker) settings["ConnectionStrings:eventbus"] = Broker.AmqpUri;
        Service = new ServiceUnderTest<TEntryPoint>(settings);
    }

    /// <summary>
    /// Stops <paramref name="server"/> under the running service and starts it again; returns readiness as it was
    /// while the server was down and after it came back.
    /// </summary>
    public async Task<(JsonElement WhileDown, JsonElement AfterReturn)> OutageAsync(TestServer server, string check, string statusWhileDown)
    {
        await server.StartAsync(); // a failed earlier test may have left it stopped
        await Service.WaitForCheckAsync(check, "Healthy");
        await server.StopAsync();
        var whileDown = await Service.WaitForCheckAsync(check, statusWhileDown);
        await server.StartAsync();
        var afterReturn = await Service.WaitForCheckAsync(check, "Healthy");
        return (whileDown, afterReturn);
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        if (_servers is not null) await _servers.DisposeAsync();
    }
}
