using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ECommerce.ServiceDefaults.Tests;

public class ProblemDetailsTests
{
    private sealed record Thing(string Name, int Count);

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(app =>
    {
        app.MapGet("/boom", string () => throw new InvalidOperationException("secret internals"));
        app.MapPost("/things", (Thing thing) => TypedResults.Ok(thing));
    });

    [Fact]
    public async Task Unhandled_exception_is_a_500_problem_with_trace_id_and_no_stack_trace()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/boom");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
        Assert.Matches("^[0-9a-f]{32}$", json.RootElement.GetProperty("traceId").GetString());
        Assert.DoesNotContain("secret internals", body);
        Assert.DoesNotContain("at ECommerce", body);
    }

    [Fact]
    public async Task Malformed_json_body_is_a_400_problem_not_a_500()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsync("/things", new StringContent("{ not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(json.RootElement.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
