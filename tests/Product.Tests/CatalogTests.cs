using System.Net;

namespace ECommerce.Product.Tests;

[Collection(ProductCollection.Name)]
public sealed class CatalogTests(ProductFixture fixture)
{
    private readonly HttpClient _client = fixture.Client(fixture.A);

    [Fact]
    public async Task Seed_catalog_has_a_thousand_products_over_ten_categories_and_thirty_brands()
    {
        Assert.True(await fixture.ScalarAsync<long>("SELECT count(*) FROM products") >= 1000);
        Assert.True(await fixture.ScalarAsync<long>("SELECT count(DISTINCT brand) FROM products") >= 30);
        var categories = await _client.GetJsonAsync("/api/products/categories");
        Assert.True(categories.GetArrayLength() >= 10);
        var page = await _client.GetJsonAsync("/api/products?pageSize=1");
        Assert.Equal(page.Long("total"), categories.EnumerateArray().Sum(c => c.Long("count")));
    }

    [Fact]
    public async Task Seed_is_deterministic_so_the_same_sku_has_the_same_id_and_name_everywhere()
    {
        var generated = Api.Seeding.CatalogGenerator.Generate(1000, new Api.Seeding.CatalogOptions().RandomSeed).ElementAt(41);
        var name = await fixture.ScalarAsync<string>("SELECT name FROM products WHERE id = $1 AND sku = $2", generated.Id, generated.Sku);
        Assert.Equal(generated.Name, name);
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_carry_the_total()
    {
        var first = await _client.GetJsonAsync("/api/products?page=1&pageSize=5&sort=name");
        var second = await _client.GetJsonAsync("/api/products?page=2&pageSize=5&sort=name");
        Assert.Equal(5, first.GetProperty("items").GetArrayLength());
        Assert.Equal((2, 5), (second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32()));
        Assert.Equal(first.Long("total"), second.Long("total"));
        Assert.Empty(first.GetProperty("items").Strings("id").Intersect(second.GetProperty("items").Strings("id")));
        var beyond = await _client.GetJsonAsync("/api/products?page=10000&pageSize=100");
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());
        Assert.Equal(first.Long("total"), beyond.Long("total"));
    }

    [Theory]
    [InlineData("price_asc")]
    [InlineData("price_desc")]
    [InlineData("name")]
    public async Task List_is_sorted_as_asked(string sort)
    {
        var items = (await _client.GetJsonAsync($"/api/products?pageSize=50&sort={sort}")).GetProperty("items").EnumerateArray().ToList();
        var actual = sort == "name" ? items.Select(i => i.Str("name")).ToList() : items.Select(i => i.Dec("price").ToString("000000000.00")).ToList();
        var expected = sort == "price_desc" ? actual.OrderByDescending(x => x, StringComparer.Ordinal) : actual.OrderBy(x => x, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Newest_first_lists_a_product_created_now_on_top()
    {
        var newest = (await _client.GetJsonAsync("/api/products?sort=newest&pageSize=3")).GetProperty("items");
        var latest = await fixture.ScalarAsync<Guid>("SELECT id FROM products ORDER BY created_at DESC, id LIMIT 1");
        Assert.Equal(latest.ToString(), newest[0].Str("id"));
    }

    [Fact]
    public async Task Filters_by_category_brand_and_price_range()
    {
        var page = await _client.GetJsonAsync("/api/products?category=Laptops&minPrice=500&maxPrice=1500&pageSize=100");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(i.Str("category") == "Laptops" && i.Dec("price") is >= 500 and <= 1500));
        Assert.Equal(await fixture.ScalarAsync<long>("SELECT count(*) FROM products WHERE category = 'Laptops' AND price BETWEEN 500 AND 1500"), page.Long("total"));

        var sony = await _client.GetJsonAsync("/api/products?brand=Sony&pageSize=100");
        Assert.All(sony.GetProperty("items").EnumerateArray(), i => Assert.Equal("Sony", i.Str("brand")));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("sort=random", "sort")]
    [InlineData("minPrice=10&maxPrice=5", "maxPrice")]
    [InlineData("minPrice=-1", "minPrice")]
    public async Task Bad_list_parameters_are_a_400_problem_naming_the_field(string query, string field)
    {
        using var response = await _client.GetAsync($"/api/products?{query}");
        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Unparsable_number_is_a_400_problem()
    {
        using var response = await _client.GetAsync("/api/products?minPrice=cheap");
        await response.ReadAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Product_by_id_has_the_full_shape()
    {
        var id = (await fixture.ProductIdsAsync(10, 1))[0];
        var product = await _client.GetJsonAsync($"/api/products/{id}");
        Assert.Equal(id.ToString(), product.Str("id"));
        foreach (var field in new[] { "sku", "name", "description", "brand", "category", "currency", "imageUrl" })
            Assert.False(string.IsNullOrEmpty(product.Str(field)), field);
        Assert.True(product.Dec("price") > 0);
        Assert.InRange(product.Dec("rating"), 0, 5);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, product.GetProperty("attributes").ValueKind);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("not-a-guid")]
    public async Task Unknown_product_is_a_404_problem(string id)
    {
        using var response = await _client.GetAsync($"/api/products/{id}");
        await response.ReadAsync(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
