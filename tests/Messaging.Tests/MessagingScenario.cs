using ECommerce.TestInfrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ECommerce.Messaging.Tests;

/// <summary>
/// One test's world: its own exchange and service queue names on the broker, its own database (with an
/// <c>effects</c> table handlers write to), and the hosts it starts, all stopped at the end.
/// </summary>
public sealed class MessagingScenario : IAsyncDisposable
{
    public const string BrokerName = "eventbus";
    public const string DatabaseName = "db";
    private readonly List<IHost> _hosts = [];

    private MessagingScenario(string amqpUri, string? connectionString)
    {
        AmqpUri = amqpUri;
        ConnectionString = connectionString;
    }

    public string AmqpUri { get; }
    public string? ConnectionString { get; }
    public string Exchange { get; } = TestServers.NewName("events");
    public string Service { get; } = TestServers.NewName("service");
    public Recorder Recorder { get; } = new();
    public string DeadLetterQueue => $"{Service}.dead-letter";

    public static async Task<MessagingScenario> CreateAsync(string? amqpUri = null, bool database = true)
    {
        amqpUri ??= (await TestServers.SharedRabbitMqAsync()).AmqpUri;
        if (!database) return new MessagingScenario(amqpUri, null);
        var postgres = await TestServers.SharedPostgresAsync();
        var name = TestServers.NewName("messaging");
        await postgres.EnsureDatabaseAsync(name);
        var scenario = new MessagingScenario(amqpUri, postgres.GetConnectionString(name));
        await scenario.ExecuteAsync("CREATE TABLE effects (message_id text NOT NULL, text text NOT NULL)");
        return scenario;
    }

    /// <summary>
    /// A host running AddMessaging for this scenario (with the outbox and inbox in the scenario's database unless
    /// <paramref name="outbox"/> is false); waits until its consumer is subscribed, if it handles anything.
    /// </summary>
    public async Task<IHost> StartHostAsync(
        Action<MessagingOptions>? handlers = null, Action<MessagingOptions>? configure = null, string instance = "a", string? service = null,
        bool outbox = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "messaging-tests" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{BrokerName}"] = AmqpUri,
            [$"ConnectionStrings:{DatabaseName}"] = ConnectionString,
        });
        builder.Services.AddSingleton(Recorder);
        builder.Services.AddSingleton(new InstanceName(instance));
        builder.AddMessaging(BrokerName, messaging =>
        {
            messaging.ServiceName = service ?? Service;
            messaging.ExchangeName = Exchange;
            messaging.RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)];
            if (outbox && ConnectionString is not null) messaging.UseOutbox(DatabaseName);
            (handlers ?? (m => m.Handle<WorkItem, WorkItemHandler>()))(messaging);
            configure?.Invoke(messaging);
        });
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        if (host.Services.GetRequiredService<MessagingOptions>().Handlers.Count > 0)
            await host.Services.GetRequiredService<MessagingStatus>().WhenConsumingAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return host;
    }

    /// <summary>Enqueues through the host's outbox in a transaction that commits, or rolls back.</summary>
    public async Task EnqueueAsync(IHost host, object message, bool commit = true, string? messageId = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await host.Services.GetRequiredService<IOutbox>().EnqueueAsync(MessageEnvelope.Create(message, messageId), tx);
        if (commit) await tx.CommitAsync();
        else await tx.RollbackAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await host.StopAsync(stop.Token); }
            finally { host.Dispose(); }
        }
    }
}
