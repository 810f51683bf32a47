using ECommerce.ServiceDefaults.Correlation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.ServiceDefaults.Tests;

public class CorrelationIdTests
{
    [Fact]
    public async Task Callers_id_is_echoed_and_carried_to_downstream_calls()
    {
        await using var downstream = await TestApp.StartAsync(app =>
            app.MapGet("/echo", (HttpContext ctx) => ctx.Request.Headers[CorrelationId.HeaderName].ToString()));
        await using var upstream = await TestApp.StartAsync(
            app => app.MapGet("/call", async (IHttpClientFactory factory) =>
                await factory.CreateClient("down").GetStringAsync("http://down/echo")),
            new() { ["services:down:http:0"] = downstream.BaseAddress.ToString() });
        using var client = upstream.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/call");
        request.Headers.Add(CorrelationId.HeaderName, "order-42");

        var response = await client.SendAsync(request);

        Assert.Equal("order-42", response.Headers.GetValues(CorrelationId.HeaderName).Single());
        Assert.Equal("order-42", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Missing_or_unsafe_id_is_replaced_by_a_new_one()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/", () => "ok"));
        using var client = app.CreateClient();
        using var unsafeRequest = new HttpRequestMessage(HttpMethod.Get, "/");
        unsafeRequest.Headers.TryAddWithoutValidation(CorrelationId.HeaderName, "<script>");

        var plain = await client.GetAsync("/");
        var replaced = await client.SendAsync(unsafeRequest);

        var first = plain.Headers.GetValues(CorrelationId.HeaderName).Single();
        var second = replaced.Headers.GetValues(CorrelationId.HeaderName).Single();
        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Matches("^[0-9a-f]{32}$", second);
        Assert.NotEqual(first, second);
    }
}
