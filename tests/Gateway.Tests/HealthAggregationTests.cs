using System.Net;
using System.Text.Json;

namespace ECommerce.Gateway.Tests;

public class HealthAggregationTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetHealth(GatewayFactory gateway)
    {
        using var client = gateway.CreateClient();
        var response = await client.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    [Fact]
    public async Task All_services_healthy_makes_the_gateway_healthy()
    {
        var upstreams = new List<Upstream>();
        foreach (var _ in Enumerable.Range(0, 6)) upstreams.Add(await Upstream.WithHealth("Healthy"));
        var names = new[] { "identity", "product", "cart", "order", "inventory", "payment" };
        await using var gateway = new GatewayFactory(names.Zip(upstreams).ToDictionary(x => x.First, x => x.Second.Url));

        var (status, body) = await GetHealth(gateway);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        foreach (var name in names) Assert.Equal("Healthy", body.GetProperty("services").GetProperty(name).GetString());
        foreach (var u in upstreams) await u.DisposeAsync();
    }

    [Fact]
    public async Task Each_service_is_reported_and_one_down_makes_the_gateway_unhealthy()
    {
        await using var healthy = await Upstream.WithHealth("Healthy");
        await using var degraded = await Upstream.WithHealth("Degraded");
        await using var unhealthy = await Upstream.WithHealth("Unhealthy");
        await using var gateway = new GatewayFactory(new()
        {
            ["identity"] = healthy.Url, ["product"] = degraded.Url, ["cart"] = unhealthy.Url,
            ["order"] = healthy.Url, ["inventory"] = healthy.Url, // payment: not configured, so not reachable
        });

        var (status, body) = await GetHealth(gateway);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var services = body.GetProperty("services");
        Assert.Equal("Healthy", services.GetProperty("identity").GetString());
        Assert.Equal("Degraded", services.GetProperty("product").GetString());
        Assert.Equal("Unhealthy", services.GetProperty("cart").GetString());
        Assert.Equal("Unhealthy", services.GetProperty("payment").GetString());
    }
}
