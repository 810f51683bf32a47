using System.Net;
using System.Net.Http.Json;
using ECommerce.TestInfrastructure;

namespace ECommerce.Cart.Tests;

[Collection(CartCollection.Name)]
public class CartOutageTests(CartFixture fixture)
{
    [Fact]
    public async Task With_redis_stopped_the_cart_answers_503_problem_and_recovers_by_itself()
    {
        using var client = fixture.ClientFor(TestServers.NewName("u"));
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/cart/items/p-1", new { quantity = 1 })).StatusCode);

        await fixture.Redis.StopAsync();
        HttpResponseMessage whileDown;
        try
        {
            whileDown = await client.GetAsync("/api/cart");
        }
        finally
        {
            await fixture.Redis.StartAsync();
        }
        await Poll.UntilAsync(async () => (await client.GetAsync("/api/cart")).StatusCode == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        Assert.Equal("application/problem+json", whileDown.Content.Headers.ContentType?.MediaType);
        Assert.True(whileDown.Headers.Contains("Retry-After"));
        var put = await client.PutAsJsonAsync("/api/cart/items/p-2", new { quantity = 1 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [Fact]
    public async Task With_the_product_service_down_putting_an_item_answers_503_problem_until_it_returns()
    {
        using var client = fixture.ClientFor(TestServers.NewName("u"));

        await fixture.Products.StopAsync();
        HttpResponseMessage whileDown;
        try
        {
            whileDown = await client.PutAsJsonAsync("/api/cart/items/p-1", new { quantity = 1 });
        }
        finally
        {
            await fixture.Products.StartAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        Assert.Equal("application/problem+json", whileDown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/cart/items/p-1", new { quantity = 1 })).StatusCode);
    }
}
