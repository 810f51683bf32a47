using ECommerce.Messaging;
using ECommerce.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Order.Tests.Integration;

/// <summary>
/// The order service on real PostgreSQL and RabbitMQ, its identity and cart dependencies as HTTP stubs on real
/// ports, and the saga's other participants played over the broker.
/// </summary>
public sealed class SagaFixture : IAsyncLifetime
{
    public static readonly TimeSpan SagaTimeout = TimeSpan.FromSeconds(30);

    internal TestIdentity Identity { get; private set; } = null!;
    internal CartStub Cart { get; private set; } = null!;
    internal SagaParticipants Participants { get; private set; } = null!;
    internal ShiftedClock Clock { get; } = new();
    internal OrderServiceFactory Service { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    /// <summary>The configuration a host passes; another instance of the service started with it shares database and queue.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var postgres = TestServers.SharedPostgresAsync();
        var broker = TestServers.SharedRabbitMqAsync();
        Identity = await TestIdentity.StartAsync();
        Cart = await CartStub.StartAsync();
        var database = TestServers.NewName("orderdb");
        await (await postgres).EnsureDatabaseAsync(database);
        ConnectionString = (await postgres).GetConnectionString(database);
        var amqp = (await broker).AmqpUri;

        Settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:orderdb"] = ConnectionString,
            ["ConnectionStrings:eventbus"] = amqp,
            ["services:cart:http:0"] = Cart.Url,
            ["Identity:Authority"] = Identity.Url,
            ["Order:Saga:Timeout"] = SagaTimeout.ToString(),
            ["Order:Saga:TimeoutScanInterval"] = "00:00:00.200",
            ["Resilience:Http:cart:MaxRetryAttempts"] = "1",
        };
        Service = new OrderServiceFactory(Settings, Clock);
        _ = Service.Server; // starts the host: its consumer, relay and timeout worker
        Participants = await SagaParticipants.StartAsync(amqp, Service.Services.GetRequiredService<IMessagePublisher>());
    }

    public async Task DisposeAsync()
    {
        await Participants.DisposeAsync();
        await Service.DisposeAsync();
        await Cart.DisposeAsync();
        await Identity.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SagaCollection : ICollectionFixture<SagaFixture>
{
    public const string Name = "Order saga";
}
