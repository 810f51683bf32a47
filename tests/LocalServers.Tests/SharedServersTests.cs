using System.Net.Http.Headers;
using ECommerce.TestInfrastructure;
using RabbitMQ.Client;

namespace ECommerce.LocalServers.Tests;

public sealed class SharedServersTests
{
    [Fact]
    public async Task Shared_servers_start_once_per_test_process_and_answer()
    {
        var (postgres, redis, rabbit) = (TestServers.SharedPostgresAsync(), TestServers.SharedRedisAsync(), TestServers.SharedRabbitMqAsync());
        await Task.WhenAll(postgres, redis, rabbit);

        Assert.Same(await postgres, await TestServers.SharedPostgresAsync());
        Assert.Same(await redis, await TestServers.SharedRedisAsync());
        Assert.Same(await rabbit, await TestServers.SharedRabbitMqAsync());
        Assert.True(await (await postgres).IsReadyAsync());
        Assert.Equal("+PONG\r\n", await Probe.RedisAsync((await redis).Port, "PING"));
        await using var connection = await new ConnectionFactory { Uri = new Uri((await rabbit).AmqpUri) }.CreateConnectionAsync();
        Assert.True(connection.IsOpen);
        Assert.StartsWith("/tmp/ecommerce-tests/", (await rabbit).StateDirectory);

        // The broker's user may use the management API: the administrator tag is set.
        using var http = new HttpClient { BaseAddress = new Uri((await rabbit).ManagementUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("shop:shop"u8.ToArray()));
        Assert.Contains("\"administrator\"", await http.GetStringAsync("api/whoami"));
    }
}
