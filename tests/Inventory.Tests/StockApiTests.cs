using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.Inventory.Tests;

[Collection(InventoryCollection.Name)]
public sealed class StockApiTests(InventoryFixture fixture)
{
    private readonly StockClient _stock = new(fixture);

    [Fact]
    public async Task A_product_inventory_has_not_seen_gets_the_default_on_hand()
    {
        var stock = await _stock.GetAsync(StockClient.NewProductId());
        Assert.Equal(100, stock.GetProperty("onHand").GetInt32());
        Assert.Equal(0, stock.GetProperty("reserved").GetInt32());
        Assert.Equal(100, stock.GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task An_admin_sets_on_hand_and_reads_it_back()
    {
        var productId = StockClient.NewProductId();
        var response = await _stock.PutAsync(productId, new { onHand = 7 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("available").GetInt32());

        var stock = await _stock.GetAsync(productId);
        Assert.Equal(productId, stock.GetProperty("productId").GetString());
        Assert.Equal(7, stock.GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task Setting_on_hand_without_a_token_is_401_with_a_bearer_challenge()
    {
        var response = await _stock.PutAsync(StockClient.NewProductId(), new { onHand = 1 }, role: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_customer_cannot_set_on_hand()
    {
        var productId = StockClient.NewProductId();
        var response = await _stock.PutAsync(productId, new { onHand = 1 }, role: "customer");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(100, (await _stock.GetAsync(productId)).GetProperty("onHand").GetInt32());
    }

    [Theory]
    [InlineData("""{ "onHand": -1 }""")]
    [InlineData("""{ }""")]
    public async Task A_missing_or_negative_on_hand_is_a_validation_problem(string body)
    {
        var response = await _stock.PutAsync(StockClient.NewProductId(), JsonDocument.Parse(body).RootElement);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("onHand", out _));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_problem_not_a_500()
    {
        using var http = fixture.Service.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Identity.Token("admin"));
        var response = await http.PutAsync($"/api/inventory/{StockClient.NewProductId()}",
            new StringContent("{ onHand: ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task On_hand_cannot_go_below_the_reserved_units()
    {
        var productId = StockClient.NewProductId();
        await _stock.SetOnHandAsync(productId, 5);
        var reply = await fixture.InTransactionAsync(tx => fixture.Reservations.ReserveAsync(Commands.Reserve(Guid.NewGuid(), (productId, 4)), tx, default));
        Assert.IsType<ECommerce.Contracts.StockReserved>(reply);

        var response = await _stock.PutAsync(productId, new { onHand = 3 });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var stock = await _stock.GetAsync(productId);
        Assert.Equal(5, stock.GetProperty("onHand").GetInt32());
        Assert.Equal(4, stock.GetProperty("reserved").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await _stock.PutAsync(productId, new { onHand = 4 })).StatusCode);
    }
}
