using System.Text;

namespace ECommerce.TestInfrastructure;

/// <summary>
/// Real servers for integration tests, started by the AppHost's own resource types (<see cref="ServerSystem"/>) on
/// free ports under <c>/tmp/ecommerce-tests</c>. The shared ones start on first use and live as long as the test
/// process (never dispose them); the dedicated ones are for tests that stop, kill or pause them, and are the caller's
/// to dispose (which stops them).
/// </summary>
public static class TestServers
{
    private static readonly Lazy<Task<ServerSystem>> SharedPostgres = new(() => ServerSystem.StartAsync(ServerSystem.PostgresName));
    private static readonly Lazy<Task<ServerSystem>> SharedRedis = new(() => ServerSystem.StartAsync(ServerSystem.RedisName));
    private static readonly Lazy<Task<ServerSystem>> SharedBroker = new(() => ServerSystem.StartAsync(ServerSystem.BrokerName));

    public static async Task<PostgresServer> SharedPostgresAsync() => (await SharedPostgres.Value).Postgres;

    public static async Task<RedisServer> SharedRedisAsync() => (await SharedRedis.Value).Redis;

    public static async Task<RabbitMqServer> SharedRabbitMqAsync() => (await SharedBroker.Value).Broker;

    public static async Task<PostgresServer> StartDedicatedPostgresAsync() =>
        new(await ServerSystem.StartAsync(ServerSystem.PostgresName), ServerSystem.PostgresName) { OwnsSystem = true };

    public static async Task<RedisServer> StartDedicatedRedisAsync() =>
        new(await ServerSystem.StartAsync(ServerSystem.RedisName), ServerSystem.RedisName) { OwnsSystem = true };

    public static async Task<RabbitMqServer> StartDedicatedRabbitMqAsync() =>
        new(await ServerSystem.StartAsync(ServerSystem.BrokerName), ServerSystem.BrokerName) { OwnsSystem = true };

    /// <summary>Several dedicated servers in one system (one DCP): <c>postgres</c>, <c>redis</c>, <c>eventbus</c>.</summary>
    public static Task<ServerSystem> StartDedicatedAsync(params string[] servers) => ServerSystem.StartAsync(servers);

    /// <summary>A unique lower-case name that is valid as a database, queue or key prefix: <c>prefix_1a2b3c4d5e6f</c>.</summary>
    public static string NewName(string prefix)
    {
        var clean = new StringBuilder();
        foreach (var c in prefix.ToLowerInvariant()) clean.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0])) clean.Insert(0, 't');
        return $"{clean.ToString()[..Math.Min(clean.Length, 40)]}_{Guid.NewGuid().ToString("N")[..12]}";
    }
}
