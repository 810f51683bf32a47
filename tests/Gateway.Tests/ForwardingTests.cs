using System.Net;
using System.Text;
using System.Text.Json;

namespace ECommerce.Gateway.Tests;

public class ForwardingTests
{
    private static async Task<Upstream> EchoUpstream() => await Upstream.StartAsync(app =>
        app.Map("/api/auth/{**rest}", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            ctx.Response.Headers["X-Upstream"] = "identity";
            return Results.Json(new
            {
                method = ctx.Request.Method,
                path = ctx.Request.Path.Value,
                query = ctx.Request.QueryString.Value,
                body,
                forwardedFor = ctx.Request.Headers["X-Forwarded-For"].ToString(),
                forwardedProto = ctx.Request.Headers["X-Forwarded-Proto"].ToString(),
                forwardedHost = ctx.Request.Headers["X-Forwarded-Host"].ToString(),
                custom = ctx.Request.Headers["X-Custom"].ToString(),
                keepAlive = ctx.Request.Headers["Keep-Alive"].ToString(),
            }, statusCode: 201);
        }));

    [Fact]
    public async Task Request_reaches_the_owning_service_with_method_path_query_body_and_forwarded_headers()
    {
        await using var upstream = await EchoUpstream();
        await using var gateway = new GatewayFactory(new() { ["identity"] = upstream.Url });
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/p-1?x=1&y=a%20b")
        {
            Content = new StringContent("{\"price\":9.5}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Custom", "kept");
        request.Headers.TryAddWithoutValidation("Keep-Alive", "timeout=5");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("identity", response.Headers.GetValues("X-Upstream").Single());
        using var echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var e = echo.RootElement;
        Assert.Equal("POST", e.GetProperty("method").GetString());
        Assert.Equal("/api/auth/p-1", e.GetProperty("path").GetString());
        Assert.Equal("?x=1&y=a%20b", e.GetProperty("query").GetString());
        Assert.Equal("{\"price\":9.5}", e.GetProperty("body").GetString());
        Assert.Equal("kept", e.GetProperty("custom").GetString());
        Assert.Equal("", e.GetProperty("keepAlive").GetString());
        Assert.Equal("http", e.GetProperty("forwardedProto").GetString());
        Assert.Equal("localhost", e.GetProperty("forwardedHost").GetString());
    }

    [Fact]
    public async Task Unreachable_service_is_a_502_problem()
    {
        int deadPort;
        await using (var gone = await Upstream.StartAsync(_ => { })) deadPort = new Uri(gone.Url).Port;
        await using var gateway = new GatewayFactory(new() { ["product"] = $"http://127.0.0.1:{deadPort}" });
        using var client = gateway.CreateClient();

        var response = await client.GetAsync("/api/products");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Response_body_is_streamed_not_buffered()
    {
        var release = new TaskCompletionSource();
        await using var upstream = await Upstream.StartAsync(app => app.MapGet("/api/products/stream", async (HttpContext ctx) =>
        {
            await ctx.Response.WriteAsync("first;");
            await ctx.Response.Body.FlushAsync();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await ctx.Response.WriteAsync("second");
        }));
        await using var gateway = new GatewayFactory(new() { ["product"] = upstream.Url });
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/api/products/stream", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[6];
        await body.ReadExactlyAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("first;", Encoding.UTF8.GetString(buffer));
        Assert.False(release.Task.IsCompleted); // the first part arrived while the upstream was still writing
        release.SetResult();
        Assert.Equal("second", await new StreamReader(body).ReadToEndAsync());
    }

    [Fact]
    public async Task Paths_outside_every_route_are_a_404_problem()
    {
        await using var gateway = new GatewayFactory([]);
        using var client = gateway.CreateClient();

        var response = await client.GetAsync("/api/unknown-area/1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
