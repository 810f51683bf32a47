using ECommerce.Messaging;
using ECommerce.Payment.Api.Payments;
using ECommerce.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ECommerce.Payment.Tests;

/// <summary>
/// The payment service on its own database in the shared test PostgreSQL and the shared broker, with a stand-in
/// identity, a 2 s tok_slow and fast retries (same count as in production). Shared by the "payment" collection.
/// </summary>
public sealed class PaymentFixture : IAsyncLifetime
{
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(2);
    public const int Retries = 3;
    public const int FlakyFailures = 2;

    public PaymentServer Service { get; private set; } = null!;
    public string ConnectionString { get; private set; } = null!;
    public string BrokerUri { get; private set; } = null!;
    internal TestIdentity Identity { get; private set; } = null!;

    public PaymentWorkflow Workflow => Service.Services.GetRequiredService<PaymentWorkflow>();

    public async Task InitializeAsync()
    {
        var postgres = TestServers.SharedPostgresAsync();
        var broker = TestServers.SharedRabbitMqAsync();
        Identity = await TestIdentity.StartAsync();
        var database = TestServers.NewName("payment");
        await (await postgres).EnsureDatabaseAsync(database);
        ConnectionString = (await postgres).GetConnectionString(database);
        BrokerUri = (await broker).AmqpUri;
        Service = new PaymentServer(new Dictionary<string, string>
        {
            ["ConnectionStrings:paymentdb"] = ConnectionString,
            ["ConnectionStrings:eventbus"] = BrokerUri,
            ["Identity:Authority"] = Identity.Url,
            ["Payment:Processor:SlowDelay"] = SlowDelay.ToString(),
            ["Payment:Processor:FlakyFailures"] = $"{FlakyFailures}",
            ["Resilience:Http:processor:MaxRetryAttempts"] = $"{Retries}",
            ["Resilience:Http:processor:RetryBaseDelay"] = "00:00:00.020",
            // Tests fail the processor on purpose many times; the breaker opening would make unrelated tests flaky.
            ["Resilience:Http:processor:BreakerMinimumThroughput"] = "100000",
        });
        Service.StartServer();
        await Eventually.UntilAsync(async () =>
        {
            using var http = Service.CreateClient();
            return (await http.GetAsync("/health")).IsSuccessStatusCode;
        }, ok => ok, "the payment service to be ready", TimeSpan.FromSeconds(60));
    }

    public Task WaitForConsumerAsync() =>
        Service.Services.GetRequiredService<MessagingStatus>().WhenConsumingAsync().WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Runs <paramref name="work"/> in a transaction of its own, as the messaging lib runs a handler, and commits.</summary>
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlTransaction, Task<T>> work)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var result = await work(tx);
        await tx.CommitAsync();
        return result;
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) cmd.Parameters.AddWithValue(p);
        return await cmd.ExecuteScalarAsync() is T value ? value : default;
    }

    /// <summary>How many authorization requests the processor received for the order.</summary>
    public async Task<int> ProcessorCallsAsync(Guid orderId) =>
        await ScalarAsync<int>("SELECT calls FROM processor.calls WHERE idempotency_key = $1", orderId.ToString());

    /// <summary>The processor's charge status for the order (null: it never authorized).</summary>
    public Task<string?> ProcessorStatusAsync(Guid orderId) =>
        ScalarAsync<string>("SELECT status FROM processor.charges WHERE idempotency_key = $1", orderId.ToString());

    public Task<string?> PaymentStatusAsync(Guid orderId) =>
        ScalarAsync<string>("SELECT status FROM payments WHERE order_id = $1", orderId);

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Identity.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PaymentCollection : ICollectionFixture<PaymentFixture>
{
    public const string Name = "payment";
}
