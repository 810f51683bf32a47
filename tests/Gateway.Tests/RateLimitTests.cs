using System.Net;
using System.Net.Http.Headers;

namespace ECommerce.Gateway.Tests;

public class RateLimitTests
{
    [Fact]
    public async Task A_user_over_the_limit_gets_429_with_retry_after_while_others_are_unaffected()
    {
        await using var identity = await TestIdentity.StartAsync();
        await using var cart = await Upstream.StartAsync(app => app.MapGet("/api/cart", () => Results.Json(new { items = Array.Empty<object>() })));
        await using var gateway = new GatewayFactory(new() { ["identity"] = identity.Url, ["cart"] = cart.Url }, new()
        {
            ["RateLimiting:PerUser:TokenLimit"] = "3",
            ["RateLimiting:PerUser:TokensPerPeriod"] = "3",
            ["RateLimiting:PerUser:ReplenishmentPeriod"] = "00:01:00",
        });
        using var client = gateway.CreateClient();
        async Task<HttpResponseMessage> Get(string user)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cart");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identity.Token("customer", subject: user));
            return await client.SendAsync(request);
        }

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) allowed.Add((await Get("alice")).StatusCode);
        var limited = await Get("alice");
        var otherUser = await Get("bob");

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
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
}
