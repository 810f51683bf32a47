using System.Net;
using System.Text.Json;

namespace ECommerce.Inventory.Tests;

/// <summary>While the database is down, requests that need it answer 503 problem+json with Retry-After, never 500.</summary>
[Collection(ServiceCollection.Name)]
public sealed class DatabaseOutageTests(ServiceFixture fixture)
{
    [Fact]
    public async Task A_read_while_postgres_is_stopped_is_a_503_problem_with_retry_after_and_works_again_after()
    {
        using var client = fixture.Service.CreateClient();
        var productId = Guid.NewGuid();
        await fixture.Postgres.StartAsync(); // a failed earlier test may have left it stopped
        await fixture.Service.WaitForCheckAsync("PostgreSql", "Healthy");

        await fixture.Postgres.StopAsync();
        HttpResponseMessage whileDown;
        try
        {
            whileDown = await client.GetAsync($"/api/inventory/{productId}");
        }
        finally
        {
            await fixture.Postgres.StartAsync();
        }
        await fixture.Service.WaitForCheckAsync("PostgreSql", "Healthy");
        using var afterReturn = await client.GetAsync($"/api/inventory/{productId}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        Assert.Equal("application/problem+json", whileDown.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(whileDown.Headers.RetryAfter);
        using var problem = JsonDocument.Parse(await whileDown.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Database unavailable", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, afterReturn.StatusCode);
        whileDown.Dispose();
    }
}
