using ECommerce.TestInfrastructure;
using Npgsql;

namespace ECommerce.EventStore.Tests;

/// <summary>A fresh database on the shared test server for one test class, with the test projections' tables.</summary>
public sealed class StoreDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    /// <summary>For a test that needs a database of its own (async projections read every stream).</summary>
    public static async Task<StoreDatabase> CreateAsync()
    {
        var database = new StoreDatabase();
        await database.InitializeAsync();
        return database;
    }

    public async Task InitializeAsync()
    {
        var server = await TestServers.SharedPostgresAsync();
        var name = TestServers.NewName("eventstore");
        await server.EnsureDatabaseAsync(name);
        ConnectionString = server.GetConnectionString(name);
        await ExecuteAsync("""
            CREATE TABLE account_balances (stream_id text PRIMARY KEY, balance numeric NOT NULL, events int NOT NULL);
            CREATE TABLE deposits_seen (event_id uuid PRIMARY KEY, stream_id text NOT NULL, amount numeric NOT NULL, position bigint NOT NULL);
            CREATE TABLE deposit_applications (event_id uuid NOT NULL);
            CREATE TABLE outbox (id serial PRIMARY KEY, body text NOT NULL);
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task ExecuteAsync(string sql, params object[] args)
    {
        await using var connection = await OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var arg in args) cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] args)
    {
        await using var connection = await OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var arg in args) cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
