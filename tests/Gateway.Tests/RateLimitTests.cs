using System.Net;
using System.Net.Http.Headers;
using ECommerce.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Gateway.Tests;

public class RateLimitTests
{
    private static Dictionary<string, string> PerUserLimit(int permits) => new()
    {
        ["RateLimiting:PerUser:PermitLimit"] = $"{permits}",
        ["RateLimiting:PerUser:Duration"] = "00:01:00",
    };

    private static async Task<HttpResponseMessage> GetCart(HttpClient client, TestIdentity identity, string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cart");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identity.Token("customer", subject: user));
        return await client.SendAsync(request);
    }

    private static async Task<HealthStatus> RedisReadinessAsync(GatewayFactory gateway) =>
        (await gateway.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "redis")).Status;

    private static Task<Upstream> CartUpstream() =>
        Upstream.StartAsync(app => app.MapGet("/api/cart", () => Results.Json(new { items = Array.Empty<object>() })));

    [Fact]
    public async Task A_user_over_the_limit_gets_429_with_retry_after_while_others_are_unaffected()
    {
        await using var identity = await TestIdentity.StartAsync();
        await using var cart = await CartUpstream();
        await using var gateway = new GatewayFactory(new() { ["identity"] = identity.Url, ["cart"] = cart.Url }, PerUserLimit(3));
        using var client = gateway.CreateClient();

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) allowed.Add((await GetCart(client, identity, "alice")).StatusCode);
        var limited = await GetCart(client, identity, "alice");
        var otherUser = await GetCart(client, identity, "bob");

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
    }

    [Fact]
    public async Task Two_gateway_instances_on_one_redis_share_a_users_limit()
    {
        await using var identity = await TestIdentity.StartAsync();
        await using var cart = await CartUpstream();
        var settings = PerUserLimit(4);
        settings["RateLimiting:KeyPrefix"] = $"{TestServers.NewName("shared")}:";
        await using var first = new GatewayFactory(new() { ["identity"] = identity.Url, ["cart"] = cart.Url }, settings);
        await using var second = new GatewayFactory(new() { ["identity"] = identity.Url, ["cart"] = cart.Url }, settings);
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++) statuses.Add((await GetCart(i % 2 == 0 ? one : two, identity, "carol")).StatusCode);

        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetCart(one, identity, "carol")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_per_client_ip_with_a_generous_default()
    {
        await using var product = await Upstream.StartAsync(app => app.MapGet("/api/products/{id}", (string id) => Results.Json(new { id })));
        await using var gateway = new GatewayFactory(new() { ["product"] = product.Url });
        using var client = gateway.CreateClient();

        var page = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => client.GetAsync($"/api/products/p{i}")));

        Assert.All(page, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task Anonymous_callers_over_the_per_ip_limit_get_429()
    {
        await using var product = await Upstream.StartAsync(app => app.MapGet("/api/products/{id}", (string id) => Results.Json(new { id })));
        await using var gateway = new GatewayFactory(new() { ["product"] = product.Url }, new() { ["RateLimiting:PerIp:PermitLimit"] = "5" });
        using var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++) statuses.Add((await client.GetAsync($"/api/products/p{i}")).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task With_redis_down_the_gateway_fails_open_and_limits_again_once_redis_returns()
    {
        await using var redis = await TestServers.StartDedicatedRedisAsync();
        await using var identity = await TestIdentity.StartAsync();
        await using var cart = await CartUpstream();
        var settings = PerUserLimit(2);
        settings["ConnectionStrings:redis"] = redis.ConnectionString;
        await using var gateway = new GatewayFactory(new() { ["identity"] = identity.Url, ["cart"] = cart.Url }, settings);
        using var client = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetCart(client, identity, "dave")).StatusCode);

        await redis.StopAsync();
        var whileDown = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) whileDown.Add((await GetCart(client, identity, "dave")).StatusCode);
        var readinessWhileDown = await RedisReadinessAsync(gateway);
        await redis.StartAsync();

        Assert.All(whileDown, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HealthStatus.Degraded, readinessWhileDown); // still taking traffic
        // The restarted server kept the window (append-only file): once reconnected, dave is over his limit again.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await GetCart(client, identity, "dave")).StatusCode != HttpStatusCode.TooManyRequests)
            await Task.Delay(50, deadline.Token);
    }
}
