using ECommerce.TestInfrastructure;
using Npgsql;

namespace ECommerce.Identity.Tests;

/// <summary>
/// One identity instance in-process on its own database in the shared test PostgreSQL, with the settings a host
/// passes plus the test's own. Ready means: schema migrated, administrator seeded, first signing key made.
/// </summary>
public sealed class IdentityServer : IAsyncDisposable
{
    public const string AdminEmail = "admin@shop.local";
    public const string AdminPassword = "Admin123!";
    public const string OrderServiceSecret = "order-service-dev-secret";
    public const string PartnerSecret = "partner-dev-secret";

    private IdentityServer(ServiceUnderTest<Program> service, string connectionString)
    {
        Service = service;
        ConnectionString = connectionString;
    }

    public ServiceUnderTest<Program> Service { get; }
    public string ConnectionString { get; }

    /// <summary>A new database, unless <paramref name="connectionString"/> names one (a second instance of the same system).</summary>
    public static async Task<IdentityServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null, string? connectionString = null)
    {
        if (connectionString is null)
        {
            var postgres = await TestServers.SharedPostgresAsync();
            var database = TestServers.NewName("identity");
            await postgres.EnsureDatabaseAsync(database);
            connectionString = postgres.GetConnectionString(database);
        }
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:identitydb"] = connectionString,
            ["Identity:AdminPassword"] = AdminPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;

        var server = new IdentityServer(new ServiceUnderTest<Program>(all), connectionString);
        await server.Service.WaitForCheckAsync("schema", "Healthy");
        await Eventually.UntilAsync(
            () => server.ScalarAsync<long>($"SELECT (SELECT count(*) FROM users WHERE email = '{AdminEmail}') + (SELECT count(*) FROM signing_keys WHERE retired_at IS NULL)"),
            n => n == 2, "the administrator and the first signing key");
        return server;
    }

    public AuthClient Client(Action<HttpClient>? configure = null)
    {
        var http = Service.CreateClient();
        configure?.Invoke(http);
        return new AuthClient(http);
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) cmd.Parameters.AddWithValue(p);
        return await cmd.ExecuteScalarAsync() is { } value and not DBNull ? (T)value : default!;
    }

    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) cmd.Parameters.AddWithValue(p);
        return await cmd.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
