using System.Net;
using System.Net.Http.Json;

namespace ECommerce.Product.Tests;

[Collection(ProductCollection.Name)]
public sealed class AdminTests(ProductFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(fixture.A, "admin");

    internal static object NewProduct(string sku, decimal price = 49.99m, string name = "Zephyr Trail Backpack") => new
    {
        sku, name, description = "A roomy pack for day hikes.", brand = "Zephyr", category = "Sports",
        price, currency = "USD", imageUrl = "https://images.shop.test/zephyr.jpg", rating = 4.5m,
        attributes = new { volume = "30 L", color = "Green" },
    };

    [Fact]
    public async Task Admin_creates_a_product_answered_201_with_its_location()
    {
        using var response = await _admin.PostAsJsonAsync("/api/products", NewProduct("ZEP-CREATE-1"));
        var created = await response.ReadAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/products/{created.Str("id")}", response.Headers.Location?.OriginalString);

        var read = await fixture.Client(fixture.B).GetJsonAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(("Zephyr Trail Backpack", 49.99m, "30 L"), (read.Str("name"), read.Dec("price"), read.GetProperty("attributes").Str("volume")));
    }

    [Fact]
    public async Task Writes_need_an_admin_token()
    {
        using var anonymous = await fixture.Client(fixture.A).PostAsJsonAsync("/api/products", NewProduct("ZEP-AUTH-1"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var customer = await fixture.Client(fixture.A, "customer").PostAsJsonAsync("/api/products", NewProduct("ZEP-AUTH-1"));
        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
        using var delete = await fixture.Client(fixture.A, "customer").DeleteAsync($"/api/products/{(await fixture.ProductIdsAsync(0, 1))[0]}");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM products WHERE sku = 'ZEP-AUTH-1'"));
    }

    [Fact]
    public async Task Invalid_product_is_a_400_problem_listing_every_bad_field()
    {
        using var response = await _admin.PostAsJsonAsync("/api/products", new
        {
            sku = "bad sku", name = "", brand = "B", category = "C", price = -1m, currency = "dollars", imageUrl = "ftp://x", rating = 7m,
            attributes = new[] { 1, 2 },
        });
        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["attributes", "currency", "imageUrl", "name", "price", "rating", "sku"], fields);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var response = await _admin.PostAsync("/api/products", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        await response.ReadAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Duplicate_sku_is_a_409_problem()
    {
        (await _admin.PostAsJsonAsync("/api/products", NewProduct("ZEP-DUP-1"))).EnsureSuccessStatusCode();
        using var again = await _admin.PostAsJsonAsync("/api/products", NewProduct("ZEP-DUP-1"));
        await again.ReadAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Update_replaces_the_product_and_unknown_ids_are_404()
    {
        var created = await (await _admin.PostAsJsonAsync("/api/products", NewProduct("ZEP-PUT-1"))).ReadAsync(HttpStatusCode.Created);
        using var put = await _admin.PutAsJsonAsync($"/api/products/{created.Str("id")}", NewProduct("ZEP-PUT-1", 59.99m, "Zephyr Summit Backpack"));
        var updated = await put.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("Zephyr Summit Backpack", 59.99m), (updated.Str("name"), updated.Dec("price")));
        Assert.Equal(2, await fixture.ScalarAsync<int>("SELECT version FROM products WHERE sku = 'ZEP-PUT-1'"));

        using var missing = await _admin.PutAsJsonAsync($"/api/products/{Guid.NewGuid()}", NewProduct("ZEP-PUT-2"));
        await missing.ReadAsync(HttpStatusCode.NotFound);
        using var invalid = await _admin.PutAsJsonAsync($"/api/products/{created.Str("id")}", new { sku = "ZEP-PUT-1" });
        await invalid.ReadAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delete_answers_204_then_the_product_is_gone_even_from_the_cache()
    {
        var created = await (await _admin.PostAsJsonAsync("/api/products", NewProduct("ZEP-DEL-1"))).ReadAsync(HttpStatusCode.Created);
        var url = $"/api/products/{created.Str("id")}";
        await fixture.Client(fixture.B).GetJsonAsync(url);
        await fixture.Client(fixture.B).GetJsonAsync(url); // now cached in B's memory and in Redis

        using var delete = await _admin.DeleteAsync(url);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await fixture.Client(fixture.B).GetJsonAsync(url, HttpStatusCode.NotFound);
        using var again = await _admin.DeleteAsync(url);
        await again.ReadAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Created_product_is_found_by_search_and_its_new_words_by_spelling_correction()
    {
        (await _admin.PostAsJsonAsync("/api/products", NewProduct("ZEP-SRCH-1", name: "Quokka Hammock"))).EnsureSuccessStatusCode();
        var hit = await fixture.Client(fixture.A).GetJsonAsync("/api/products/search?q=quokka");
        Assert.Equal("Quokka Hammock", hit.GetProperty("items")[0].Str("name"));
        var typo = await fixture.Client(fixture.A).GetJsonAsync("/api/products/search?q=quoka");
        Assert.Equal("quokka", typo.Str("didYouMean"));
    }
}
