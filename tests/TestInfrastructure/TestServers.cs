using System.Text;
using ECommerce.LocalServers;

namespace ECommerce.TestInfrastructure;

/// <summary>
/// Real servers for integration tests, on free ports under <c>/tmp/ecommerce-tests</c>. The shared ones start on
/// first use and live as long as the test process (never dispose them); the dedicated ones are for tests that stop,
/// kill or pause them, and are the caller's to dispose (which kills them and deletes their folder).
/// </summary>
public static class TestServers
{
    private const int StartAttempts = 3;
    private static readonly Lazy<TestRun> Run = new(TestRun.Create);
    private static readonly Lazy<Task<PostgresServer>> SharedPostgres = new(() => StartDedicatedPostgresAsync());
    private static readonly Lazy<Task<RedisServer>> SharedRedis = new(StartDedicatedRedisAsync);
    private static readonly Lazy<Task<RabbitMqServer>> SharedRabbitMq = new(StartDedicatedRabbitMqAsync);

    public static Task<PostgresServer> SharedPostgresAsync() => SharedPostgres.Value;

    public static Task<RedisServer> SharedRedisAsync() => SharedRedis.Value;

    public static Task<RabbitMqServer> SharedRabbitMqAsync() => SharedRabbitMq.Value;

    /// <param name="durable">True for tests that check data survives a restart; fsync is off otherwise.</param>
    public static Task<PostgresServer> StartDedicatedPostgresAsync(bool durable = false) =>
        StartAsync("postgres", dir => new PostgresServer(new PostgresOptions(dir, FreePort.Next(), Durable: durable) { DeleteStateOnDispose = true }));

    public static Task<RedisServer> StartDedicatedRedisAsync() =>
        StartAsync("redis", dir => new RedisServer(new RedisOptions(dir, FreePort.Next()) { DeleteStateOnDispose = true }));

    /// <summary>Each broker gets its own node name, ports and epmd, so several can run side by side.</summary>
    public static Task<RabbitMqServer> StartDedicatedRabbitMqAsync() =>
        StartAsync("rabbitmq", dir => new RabbitMqServer(new RabbitMqOptions(
            dir, FreePort.NextForRabbitMq(), FreePort.Next(), FreePort.Next(), NodeName: $"test-{Environment.ProcessId}-{Path.GetFileName(dir)}")
        { DeleteStateOnDispose = true }));

    /// <summary>A fresh folder in this run for a server a test configures itself; swept like the others if it is left running.</summary>
    public static string NewStateDirectory(string kind) => Run.Value.NewServerDirectory(kind);

    /// <summary>A unique lower-case name that is valid as a database, queue or key prefix: <c>prefix_1a2b3c4d5e6f</c>.</summary>
    public static string NewName(string prefix)
    {
        var clean = new StringBuilder();
        foreach (var c in prefix.ToLowerInvariant()) clean.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0])) clean.Insert(0, 't');
        return $"{clean.ToString()[..Math.Min(clean.Length, 40)]}_{Guid.NewGuid().ToString("N")[..12]}";
    }

    /// <summary>Ports are only known to be free when picked, so a start that loses a race for one retries on others.</summary>
    private static async Task<T> StartAsync<T>(string kind, Func<string, T> create) where T : ILocalServer
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = create(Run.Value.NewServerDirectory(kind));
            try
            {
                await server.StartAsync();
                return server;
            }
            catch (LocalServerException) when (attempt < StartAttempts)
            {
                await server.DisposeAsync();
            }
        }
    }
}
