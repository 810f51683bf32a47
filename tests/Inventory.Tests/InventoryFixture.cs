using ECommerce.Inventory.Api.Reservations;
using ECommerce.Messaging;
using ECommerce.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ECommerce.Inventory.Tests;

/// <summary>
/// The inventory service in-process on its own database in the shared test PostgreSQL and the shared broker, with a
/// stand-in identity for tokens and a fast expiry sweeper. Shared by the "inventory" collection.
/// </summary>
public sealed class InventoryFixture : IAsyncLifetime
{
    public ServiceUnderTest<Program> Service { get; private set; } = null!;
    public string ConnectionString { get; private set; } = null!;
    public string BrokerUri { get; private set; } = null!;
    internal TestIdentity Identity { get; private set; } = null!;

    public ReservationStore Reservations => Service.Services.GetRequiredService<ReservationStore>();

    public async Task InitializeAsync()
    {
        var postgres = TestServers.SharedPostgresAsync();
        var broker = TestServers.SharedRabbitMqAsync();
        Identity = await TestIdentity.StartAsync();
        var database = TestServers.NewName("inventory");
        await (await postgres).EnsureDatabaseAsync(database);
        ConnectionString = (await postgres).GetConnectionString(database);
        BrokerUri = (await broker).AmqpUri;
        Service = new ServiceUnderTest<Program>(new Dictionary<string, string>
        {
            ["ConnectionStrings:inventorydb"] = ConnectionString,
            ["ConnectionStrings:eventbus"] = BrokerUri,
            ["Identity:Authority"] = Identity.Url,
            ["Inventory:SweepInterval"] = "00:00:00.200",
        });
        await Service.WaitForCheckAsync("schema", "Healthy");
    }

    /// <summary>The service's queue exists and is consumed (a command published before that would be unroutable).</summary>
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

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Identity.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class InventoryCollection : ICollectionFixture<InventoryFixture>
{
    public const string Name = "inventory";
}
