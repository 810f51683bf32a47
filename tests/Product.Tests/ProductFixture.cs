using System.Net.Http.Headers;
using ECommerce.Product.Api.Seeding;
using ECommerce.ServiceDefaults;
using ECommerce.TestInfrastructure;
using Npgsql;

namespace ECommerce.Product.Tests;

/// <summary>
/// Two instances of the product service on one real PostgreSQL and one real Redis (both dedicated, so tests may
/// stop them), a stand-in identity for tokens, and the seed catalog in place. The broker is not started: the
/// catalog does not use it yet, and its connection opens on first use only.
/// </summary>
public sealed class ProductFixture : IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;
    public RedisServer Redis { get; private set; } = null!;
    public TestIdentity Identity { get; private set; } = null!;
    public ServiceUnderTest<Program> A { get; private set; } = null!;
    public ServiceUnderTest<Program> B { get; private set; } = null!;
    private ServerSystem _servers = null!;

    /// <summary>What A and B were started with, for a test that starts an instance of its own.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = null!;

    public string ConnectionString => Postgres.GetConnectionString(ResourceNames.ProductDb);

    public async Task InitializeAsync()
    {
        var servers = TestServers.StartDedicatedAsync(ServerSystem.PostgresName, ServerSystem.RedisName);
        var identity = TestIdentity.StartAsync();
        (_servers, Identity) = (await servers, await identity);
        (Postgres, Redis) = (_servers.Postgres, _servers.Redis);
        await Postgres.EnsureDatabaseAsync(ResourceNames.ProductDb);

        var settings = new Dictionary<string, string>
        {
            [$"ConnectionStrings:{ResourceNames.ProductDb}"] = ConnectionString,
            [$"ConnectionStrings:{ResourceNames.Redis}"] = Redis.ConnectionString,
            [$"ConnectionStrings:{ResourceNames.EventBus}"] = "amqp://guest:guest@127.0.0.1:1/",
            ["Identity:Authority"] = Identity.Url,
            // A Redis reply slower than the timeout counts as a miss (by design); on a shared, loaded test machine the
            // 250 ms default would make the load-count assertions depend on scheduling, so the tests allow more.
            ["ProductCache:RedisTimeout"] = "00:00:03",
        };
        Settings = settings;
        A = new ServiceUnderTest<Program>(settings);
        B = new ServiceUnderTest<Program>(settings);
        await Task.WhenAll(
            A.WaitForCheckAsync(CatalogReadiness.Name, "Healthy", TimeSpan.FromSeconds(120)),
            B.WaitForCheckAsync(CatalogReadiness.Name, "Healthy", TimeSpan.FromSeconds(120)));
    }

    public HttpClient Client(ServiceUnderTest<Program> instance, string? role = null)
    {
        var client = instance.CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Identity.Token(role));
        return client;
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Product ids no other test touches: the n-th slice of the catalog ordered by sku.</summary>
    public async Task<List<Guid>> ProductIdsAsync(int offset, int count)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT id FROM products ORDER BY sku OFFSET $1 LIMIT $2", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = offset });
        cmd.Parameters.Add(new NpgsqlParameter { Value = count });
        await using var reader = await cmd.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Identity.DisposeAsync();
        await _servers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ProductCollection : ICollectionFixture<ProductFixture>
{
    public const string Name = "Product service";
}
