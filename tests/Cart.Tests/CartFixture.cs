using System.Net.Http.Headers;
using ECommerce.TestInfrastructure;
using StackExchange.Redis;

namespace ECommerce.Cart.Tests;

/// <summary>
/// The cart service in-process against a dedicated real Redis (tests stop it), a real product stub and a real
/// identity stub. The broker is not needed by the cart API, so it points nowhere.
/// </summary>
public sealed class CartFixture : IAsyncLifetime
{
    internal ProductStub Products { get; } = new();
    internal TestIdentity Identity { get; private set; } = null!;
    public RedisServer Redis { get; private set; } = null!;
    public IDatabase Db { get; private set; } = null!;
    public ServiceUnderTest<Program> Service { get; private set; } = null!;
    private ConnectionMultiplexer _connection = null!;

    public async Task InitializeAsync()
    {
        Redis = await TestServers.StartDedicatedRedisAsync();
        await Products.StartAsync();
        Identity = await TestIdentity.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        Db = _connection.GetDatabase();
        Service = new ServiceUnderTest<Program>(new Dictionary<string, string>
        {
            ["ConnectionStrings:redis"] = Redis.ConnectionString,
            ["ConnectionStrings:eventbus"] = $"amqp://guest:guest@127.0.0.1:{FreePort.Next()}/",
            ["services:identity:http:0"] = Identity.Url,
            ["services:product:http:0"] = Products.Url,
            ["Resilience:Http:product:MaxRetryAttempts"] = "1",
            ["Resilience:Http:product:RetryBaseDelay"] = "00:00:00.050",
        });
    }

    public HttpClient ClientFor(string user)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Identity.Token(user));
        return client;
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await _connection.DisposeAsync();
        await Identity.DisposeAsync();
        await Products.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CartCollection : ICollectionFixture<CartFixture>
{
    public const string Name = "Cart API";
}
