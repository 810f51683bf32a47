using System.Collections.Concurrent;
using System.Net;
using Yarp.ReverseProxy;

namespace ECommerce.Gateway.Tests;

/// <summary>YARP's active health checks against real instances: one stops, leaves the rotation, comes back, rejoins it.</summary>
public class HealthRotationTests
{
    private static Task<Upstream> ProductInstance(string name, ConcurrentDictionary<string, int> hits, int port = 0) =>
        Upstream.StartAsync(app =>
        {
            app.MapGet("/health", () => Results.Json(new { status = "Healthy" }));
            app.MapGet("/api/products/{id}", (string id) =>
            {
                hits.AddOrUpdate(name, 1, (_, n) => n + 1);
                return Results.Json(new { id, instance = name });
            });
        }, port);

    private static bool InRotation(GatewayFactory gateway, string destination) =>
        gateway.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster("product", out var cluster)
        && cluster.DestinationsState.AvailableDestinations.Any(d => d.DestinationId.StartsWith(destination, StringComparison.Ordinal));

    private static async Task<List<HttpStatusCode>> ReadAsync(HttpClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++) statuses.Add((await client.GetAsync($"/api/products/p{i}")).StatusCode);
        return statuses;
    }

    [Fact]
    public async Task A_stopped_product_instance_leaves_the_rotation_and_rejoins_when_it_returns()
    {
        var hits = new ConcurrentDictionary<string, int>();
        await using var first = await ProductInstance("first", hits);
        var second = await ProductInstance("second", hits);
        var secondPort = new Uri(second.Url).Port;
        await using var gateway = new GatewayFactory([], new()
        {
            ["ReverseProxy:Clusters:product:LoadBalancingPolicy"] = "RoundRobin",
            ["ReverseProxy:Clusters:product:Destinations:product-1:Address"] = first.Url,
            ["ReverseProxy:Clusters:product:Destinations:product-2:Address"] = second.Url,
            ["ReverseProxy:Clusters:product:HealthCheck:Active:Interval"] = "00:00:00.200",
            ["ReverseProxy:Clusters:product:HealthCheck:Active:Timeout"] = "00:00:01",
            ["ReverseProxy:Clusters:product:HealthCheck:Passive:ReactivationPeriod"] = "00:00:01",
            ["ReverseProxy:Routes:products-read:OutputCachePolicy"] = "", // every read reaches an instance
            ["RateLimiting:PerIp:PermitLimit"] = "10000",
        });
        using var client = gateway.CreateClient();
        Assert.All(await ReadAsync(client, 10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(hits.GetValueOrDefault("second") > 0, "both instances serve while both are up");

        await second.DisposeAsync();
        await Await.ConditionAsync(() => !InRotation(gateway, "product-2"), "the active health check takes the stopped instance out");
        var servedBySecondBefore = hits.GetValueOrDefault("second");
        var whileStopped = await ReadAsync(client, 10);

        Assert.All(whileStopped, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(servedBySecondBefore, hits.GetValueOrDefault("second"));

        await using var back = await ProductInstance("second", hits, secondPort);
        await Await.ConditionAsync(() => InRotation(gateway, "product-2"), "the active health check puts the instance back");
        var afterReturn = await ReadAsync(client, 10);

        Assert.All(afterReturn, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(hits.GetValueOrDefault("second") > servedBySecondBefore, "the returned instance serves again");
    }
}
