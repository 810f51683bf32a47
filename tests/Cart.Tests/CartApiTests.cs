using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Cart.Api.Carts;
using ECommerce.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Cart.Tests;

[Collection(CartCollection.Name)]
public class CartApiTests(CartFixture fixture)
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static Task<HttpResponseMessage> Put(HttpClient client, string productId, object body) =>
        client.PutAsJsonAsync($"/api/cart/items/{productId}", body);

    [Fact]
    public async Task A_new_user_has_an_empty_cart()
    {
        using var client = fixture.ClientFor(TestServers.NewName("u"));

        var response = await client.GetAsync("/api/cart");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cart = await Json(response);
        Assert.Equal(0, cart.GetProperty("items").GetArrayLength());
        Assert.Equal(0m, cart.GetProperty("total").GetDecimal());
        Assert.Equal("USD", cart.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Putting_products_snapshots_their_name_and_price_and_totals_the_cart()
    {
        var user = TestServers.NewName("u");
        using var client = fixture.ClientFor(user);

        Assert.Equal(HttpStatusCode.OK, (await Put(client, "p-1", new { quantity = 2 })).StatusCode);
        var afterSecond = await Put(client, "p-3", new { quantity = 3 });

        var cart = await Json(afterSecond);
        var items = cart.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["p-1", "p-3"], items.Select(i => i.GetProperty("productId").GetString()));
        Assert.Equal("Trail Running Shoe", items[0].GetProperty("name").GetString());
        Assert.Equal(89.90m, items[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(2, items[0].GetProperty("quantity").GetInt32());
        Assert.Equal(179.80m, items[0].GetProperty("lineTotal").GetDecimal());
        Assert.Equal(179.80m + 37.50m, cart.GetProperty("total").GetDecimal());
        Assert.Equal(2, await fixture.Db.HashLengthAsync(CartStore.Key(user)));
    }

    [Fact]
    public async Task A_price_change_reaches_the_cart_only_when_the_line_is_put_again()
    {
        var user = TestServers.NewName("u");
        using var client = fixture.ClientFor(user);
        await Put(client, "p-2", new { quantity = 1 });

        fixture.Products.Products["p-2"] = ("Espresso Machine", 199.00m);
        try
        {
            var snapshot = await Json(await client.GetAsync("/api/cart"));
            var updated = await Json(await Put(client, "p-2", new { quantity = 2 }));

            Assert.Equal(249.00m, snapshot.GetProperty("items")[0].GetProperty("unitPrice").GetDecimal());
            Assert.Equal(199.00m, updated.GetProperty("items")[0].GetProperty("unitPrice").GetDecimal());
            Assert.Equal(398.00m, updated.GetProperty("total").GetDecimal());
        }
        finally
        {
            fixture.Products.Products["p-2"] = ("Espresso Machine", 249.00m);
        }
    }

    [Theory]
    [InlineData("{\"quantity\":0}")]
    [InlineData("{\"quantity\":100}")]
    [InlineData("{\"quantity\":-3}")]
    [InlineData("{}")]
    public async Task A_quantity_outside_1_to_99_is_a_validation_problem_and_stores_nothing(string body)
    {
        var user = TestServers.NewName("u");
        using var client = fixture.ClientFor(user);

        var response = await client.PutAsync("/api/cart/items/p-1", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty("quantity", out _));
        Assert.False(await fixture.Db.KeyExistsAsync(CartStore.Key(user)));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        using var client = fixture.ClientFor(TestServers.NewName("u"));

        var response = await client.PutAsync("/api/cart/items/p-1", new StringContent("{\"quantity\":\"lots\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_product_is_a_404_problem()
    {
        var user = TestServers.NewName("u");
        using var client = fixture.ClientFor(user);

        var response = await Put(client, "no-such-product", new { quantity = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await fixture.Db.KeyExistsAsync(CartStore.Key(user)));
    }

    [Fact]
    public async Task Removing_an_item_and_clearing_the_cart_answer_204()
    {
        var user = TestServers.NewName("u");
        using var client = fixture.ClientFor(user);
        await Put(client, "p-1", new { quantity = 1 });
        await Put(client, "p-2", new { quantity = 1 });

        var removed = await client.DeleteAsync("/api/cart/items/p-1");
        var afterRemove = await Json(await client.GetAsync("/api/cart"));
        var cleared = await client.DeleteAsync("/api/cart");
        var afterClear = await Json(await client.GetAsync("/api/cart"));

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(["p-2"], afterRemove.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(0, afterClear.GetProperty("items").GetArrayLength());
        Assert.False(await fixture.Db.KeyExistsAsync(CartStore.Key(user)));
    }

    [Fact]
    public async Task Each_user_sees_only_their_own_cart()
    {
        using var alice = fixture.ClientFor(TestServers.NewName("alice"));
        using var bob = fixture.ClientFor(TestServers.NewName("bob"));

        await Put(alice, "p-1", new { quantity = 5 });

        Assert.Equal(0, (await Json(await bob.GetAsync("/api/cart"))).GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await Json(await alice.GetAsync("/api/cart"))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Without_a_token_the_cart_answers_401()
    {
        using var client = fixture.Service.CreateClient();

        var response = await client.GetAsync("/api/cart");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Every_use_of_a_cart_pushes_its_expiry_out_again()
    {
        var user = TestServers.NewName("u");
        using var client = fixture.ClientFor(user);
        await Put(client, "p-3", new { quantity = 1 });
        var ttlAfterPut = await fixture.Db.KeyTimeToLiveAsync(CartStore.Key(user));
        await fixture.Db.KeyExpireAsync(CartStore.Key(user), TimeSpan.FromMinutes(1)); // as if it had been idle for days

        await client.GetAsync("/api/cart");

        Assert.InRange(ttlAfterPut!.Value, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        Assert.True(await fixture.Db.KeyTimeToLiveAsync(CartStore.Key(user)) > TimeSpan.FromDays(6));
    }

    [Fact]
    public async Task Clearing_a_users_cart_from_the_store_empties_it()
    {
        var user = TestServers.NewName("u");
        using var client = fixture.ClientFor(user);
        await Put(client, "p-1", new { quantity = 1 });

        await fixture.Service.Services.GetRequiredService<CartStore>().ClearAsync(user);

        Assert.Equal(0, (await Json(await client.GetAsync("/api/cart"))).GetProperty("items").GetArrayLength());
    }
}
