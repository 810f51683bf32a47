using System.Collections.Concurrent;
using System.Net;

namespace ECommerce.Gateway.Tests;

public class LoadBalancingTests
{
    /// <summary>Three inventory instances that each answer with their own name.</summary>
    private static async Task<List<Upstream>> ThreeInstances(ConcurrentDictionary<string, int> hits)
    {
        var instances = new List<Upstream>();
        for (var i = 1; i <= 3; i++)
        {
            var name = $"inventory-{i}";
            instances.Add(await Upstream.StartAsync(app => app.MapGet("/api/inventory/{id}", () =>
            {
                hits.AddOrUpdate(name, 1, (_, n) => n + 1);
                return Results.Json(new { instance = name });
            })));
        }
        return instances;
    }

    private static Dictionary<string, string> Cluster(IReadOnlyList<Upstream> instances, string policy) => new()
    {
        ["ReverseProxy:Clusters:inventory:LoadBalancingPolicy"] = policy,
        ["ReverseProxy:Clusters:inventory:HealthCheck:Active:Enabled"] = "false",
        ["ReverseProxy:Clusters:inventory:HealthCheck:Passive:ReactivationPeriod"] = "00:05:00",
        ["ReverseProxy:Clusters:inventory:Destinations:inventory-1:Address"] = instances[0].Url,
        ["ReverseProxy:Clusters:inventory:Destinations:inventory-2:Address"] = instances[1].Url,
        ["ReverseProxy:Clusters:inventory:Destinations:inventory-3:Address"] = instances[2].Url,
    };

    [Fact]
    public async Task Round_robin_spreads_requests_evenly_over_three_destinations()
    {
        var hits = new ConcurrentDictionary<string, int>();
        var instances = await ThreeInstances(hits);
        await using var gateway = new GatewayFactory([], Cluster(instances, "RoundRobin"));
        using var client = gateway.CreateClient();

        for (var i = 0; i < 30; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/inventory/p{i}")).StatusCode);

        Assert.Equal([10, 10, 10], hits.OrderBy(h => h.Key).Select(h => h.Value));
        foreach (var instance in instances) await instance.DisposeAsync();
    }

    [Theory]
    [InlineData("LeastRequests")]
    [InlineData("PowerOfTwoChoices")]
    public async Task Other_policies_use_every_destination(string policy)
    {
        var hits = new ConcurrentDictionary<string, int>();
        var instances = await ThreeInstances(hits);
        await using var gateway = new GatewayFactory([], Cluster(instances, policy));
        using var client = gateway.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => client.GetAsync($"/api/inventory/p{i}")));

        Assert.Equal(60, hits.Values.Sum());
        Assert.Equal(3, hits.Count);
        foreach (var instance in instances) await instance.DisposeAsync();
    }

    [Fact]
    public async Task A_destination_killed_mid_load_is_ejected_and_clients_stop_seeing_errors()
    {
        var hits = new ConcurrentDictionary<string, int>();
        var instances = await ThreeInstances(hits);
        var settings = Cluster(instances, "RoundRobin");
        settings["RateLimiting:PerIp:PermitLimit"] = "10000";
        await using var gateway = new GatewayFactory([], settings);
        using var client = gateway.CreateClient();
        var statuses = new ConcurrentQueue<(int Seq, HttpStatusCode Status)>();
        var sequence = 0;
        var killed = new TaskCompletionSource<int>();

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var seq = Interlocked.Increment(ref sequence);
                if (seq > 400) return;
                if (seq == 100) killed.SetResult(seq);
                var read = await client.GetAsync($"/api/inventory/p{seq}");
                statuses.Enqueue((seq, read.StatusCode));
            }
        })).ToList();
        await killed.Task;
        await instances[1].DisposeAsync();
        var hitsOnKilledAfterKill = hits.GetValueOrDefault("inventory-2");
        await Task.WhenAll(workers);

        var errors = statuses.Where(s => s.Status != HttpStatusCode.OK).ToList();
        Assert.Empty(errors); // reads that met the dead destination were retried on a live one
        Assert.Equal(hitsOnKilledAfterKill, hits.GetValueOrDefault("inventory-2"));
        Assert.True(hits["inventory-1"] + hits["inventory-3"] > 250);
        await instances[0].DisposeAsync();
        await instances[2].DisposeAsync();
    }
}
