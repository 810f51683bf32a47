using System.Diagnostics;
using ECommerce.TestInfrastructure;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;

namespace ECommerce.Product.Tests;

/// <summary>What the dashboard shows for a product read: the request's span with its Redis commands under it.</summary>
[Collection(ProductCollection.Name)]
public sealed class TracingTests(ProductFixture fixture)
{
    [Fact]
    public async Task A_product_read_records_its_redis_commands_in_the_requests_trace()
    {
        var id = (await fixture.ProductIdsAsync(230, 1))[0];
        var spans = new List<Activity>();
        await using var traced = new ServiceUnderTest<Program>(fixture.Settings).WithWebHostBuilder(web =>
            web.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))));
        using var client = traced.CreateClient();

        await client.GetJsonAsync($"/api/products/{id}");

        Activity[] recorded = [];
        Activity? server = null;
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        // The Redis instrumentation turns profiled commands into spans in the background: wait for them.
        while (server is null || !recorded.Any(a => a.TraceId == server.TraceId && IsRedis(a)))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"no Redis span in the read's trace within 30 s; {recorded.Length} spans recorded");
            await Task.Delay(50);
            recorded = spans.ToArray();
            server = recorded.FirstOrDefault(a => a.Kind == ActivityKind.Server && Equals(a.GetTagItem("url.path"), $"/api/products/{id}"));
        }

        var commands = recorded.Where(a => a.TraceId == server.TraceId && IsRedis(a)).ToList();
        Assert.All(commands, c => Assert.Equal(ActivityKind.Client, c.Kind));
        Assert.Contains(commands, c => c.DisplayName == "GET");
    }

    private static bool IsRedis(Activity activity) => Equals(activity.GetTagItem("db.system"), "redis");
}
