using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ECommerce.Gateway.Tests;

public class ProxyBehaviourTests
{
    [Fact]
    public async Task A_route_timeout_answers_504_problem()
    {
        await using var slow = await Upstream.StartAsync(app => app.MapGet("/api/inventory/{id}", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Ok();
        }));
        await using var gateway = new GatewayFactory(new() { ["inventory"] = slow.Url },
            new() { ["ReverseProxy:Routes:inventory-read:Timeout"] = "00:00:00.300" });
        using var client = gateway.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(10);

        var response = await client.GetAsync("/api/inventory/p1");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_client_that_goes_away_cancels_the_upstream_call()
    {
        var started = new TaskCompletionSource();
        var upstreamCancelled = new TaskCompletionSource();
        await using var upstream = await Upstream.StartAsync(app => app.MapGet("/api/inventory/{id}", async (CancellationToken ct) =>
        {
            started.SetResult();
            try { await Task.Delay(TimeSpan.FromSeconds(30), ct); }
            catch (OperationCanceledException) { upstreamCancelled.SetResult(); }
            return Results.Ok();
        }));
        await using var gateway = new GatewayFactory(new() { ["inventory"] = upstream.Url });
        using var client = gateway.CreateClient();
        using var cts = new CancellationTokenSource();

        var call = client.GetAsync("/api/inventory/p1", cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await upstreamCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10)); // throws if the upstream kept waiting
    }

    [Fact]
    public async Task A_cluster_that_speaks_http2_is_called_over_http2()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        await using var upstream = builder.Build();
        upstream.MapGet("/api/inventory/{id}", (HttpContext ctx) => ctx.Request.Protocol);
        await upstream.StartAsync();
        var url = upstream.Urls.First();
        await using var gateway = new GatewayFactory(new() { ["inventory"] = url },
            new()
            {
                ["ReverseProxy:Clusters:inventory:HttpRequest:Version"] = "2",
                ["ReverseProxy:Clusters:inventory:HttpRequest:VersionPolicy"] = "RequestVersionExact",
            });
        using var client = gateway.CreateClient();

        var protocol = await client.GetStringAsync("/api/inventory/p1");

        Assert.Equal("HTTP/2", protocol);
    }

    [Fact]
    public async Task A_route_whose_metadata_disables_rate_limiting_is_not_limited_while_others_are()
    {
        await using var upstream = await Upstream.StartAsync(app =>
        {
            app.MapGet("/api/products/{id}", (string id) => Results.Json(new { id }));
            app.MapGet("/api/inventory/{id}", (string id) => Results.Json(new { id }));
        });
        await using var gateway = new GatewayFactory(new() { ["product"] = upstream.Url, ["inventory"] = upstream.Url }, new()
        {
            ["RateLimiting:PerIp:PermitLimit"] = "2",
            ["ReverseProxy:Routes:products-read:Metadata:RateLimiting"] = "Disable",
            ["ReverseProxy:Routes:products-read:OutputCachePolicy"] = "",
        });
        using var client = gateway.CreateClient();

        var products = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) products.Add((await client.GetAsync($"/api/products/p{i}")).StatusCode);
        var inventory = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) inventory.Add((await client.GetAsync($"/api/inventory/p{i}")).StatusCode);

        Assert.All(products, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], inventory);
    }
}
