using System.Net;
using System.Text.Json;

namespace ECommerce.Product.Tests;

/// <summary>Relevance on a fixed query set over the deterministic seed catalog, facets, spelling correction, autocomplete.</summary>
[Collection(ProductCollection.Name)]
public sealed class SearchTests(ProductFixture fixture)
{
    private readonly HttpClient _client = fixture.Client(fixture.A);

    private Task<JsonElement> SearchAsync(string query) => _client.GetJsonAsync($"/api/products/search?{query}");

    private static List<JsonElement> Items(JsonElement result) => result.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Typed_query_ranks_names_with_both_words_first()
    {
        var result = await SearchAsync("q=wireless+headphones&pageSize=5");
        Assert.Equal(5, Items(result).Count);
        Assert.All(Items(result), i => Assert.Contains("Wireless Headphones", i.Str("name")));
        Assert.False(result.TryGetProperty("didYouMean", out _));
    }

    [Fact]
    public async Task Exact_product_name_comes_first()
    {
        var name = await fixture.ScalarAsync<string>(
            "SELECT name FROM products WHERE category = 'Headphones' GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 1");
        var result = await SearchAsync($"q={Uri.EscapeDataString(name)}");
        Assert.Equal(name, Items(result)[0].Str("name"));
    }

    [Fact]
    public async Task A_word_in_names_outranks_the_same_word_in_descriptions()
    {
        // "travel" is in Books' names ("Travel Guide") and in some Sports descriptions ("made for travel and trail").
        var result = await SearchAsync("q=travel&pageSize=10");
        Assert.All(Items(result), i => Assert.Contains("Travel", i.Str("name")));
        Assert.Contains(result.GetProperty("facets").GetProperty("categories").EnumerateArray(), c => c.Str("value") == "Sports");
    }

    [Fact]
    public async Task Misspelled_query_is_corrected_with_did_you_mean()
    {
        var result = await SearchAsync("q=hedphones&pageSize=5");
        Assert.Equal("headphones", result.Str("didYouMean"));
        Assert.NotEmpty(Items(result));
        Assert.All(Items(result), i => Assert.Equal("Headphones", i.Str("category")));

        var twoWords = await SearchAsync("q=sony+hedphones");
        Assert.Equal("sony headphones", twoWords.Str("didYouMean"));
        Assert.All(Items(twoWords), i => Assert.Equal("Sony", i.Str("brand")));
    }

    [Fact]
    public async Task Accents_do_not_matter()
    {
        var result = await SearchAsync("q=creme+brulee&pageSize=3");
        Assert.NotEmpty(Items(result));
        Assert.All(Items(result), i => Assert.Contains("Crème Brûlée", i.Str("name")));
        var cafe = await SearchAsync("q=CAFÉ+latte");
        Assert.Contains("Café Latte", Items(cafe)[0].Str("name"));
    }

    [Fact]
    public async Task Filtered_query_returns_only_matching_products_and_totals_agree_with_the_database()
    {
        var result = await SearchAsync("q=jacket&category=Clothing&maxPrice=100&pageSize=100");
        Assert.NotEmpty(Items(result));
        Assert.All(Items(result), i => Assert.True(i.Str("category") == "Clothing" && i.Dec("price") <= 100 && i.Str("name").Contains("Jacket")));
        var expected = await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM products WHERE category = 'Clothing' AND price <= 100 AND search @@ to_tsquery('english', 'jacket:*')");
        Assert.Equal(expected, result.Long("total"));
    }

    [Theory]
    [InlineData("q=phone")]
    [InlineData("q=pro&minPrice=100&maxPrice=900")]
    [InlineData("q=")]
    public async Task Facets_add_up_to_the_filtered_total(string query)
    {
        var result = await SearchAsync(query);
        var facets = result.GetProperty("facets");
        var total = result.Long("total");
        Assert.True(total > 0);
        Assert.Equal(total, facets.GetProperty("categories").EnumerateArray().Sum(f => f.Long("count")));
        Assert.Equal(total, facets.GetProperty("brands").EnumerateArray().Sum(f => f.Long("count")));
        Assert.Equal(total, facets.GetProperty("priceRanges").EnumerateArray().Sum(f => f.Long("count")));
    }

    [Fact]
    public async Task A_category_facet_count_is_the_total_when_filtering_on_it()
    {
        var unfiltered = await SearchAsync("q=black");
        foreach (var facet in unfiltered.GetProperty("facets").GetProperty("categories").EnumerateArray().Take(3))
        {
            var filtered = await SearchAsync($"q=black&category={Uri.EscapeDataString(facet.Str("value"))}");
            Assert.Equal(facet.Long("count"), filtered.Long("total"));
        }
    }

    [Fact]
    public async Task Price_ranges_are_fixed_buckets_counted_right()
    {
        var ranges = (await SearchAsync("q=laptop")).GetProperty("facets").GetProperty("priceRanges").EnumerateArray().ToList();
        Assert.Equal([0m, 25m, 50m, 100m, 250m, 500m, 1000m], ranges.Select(r => r.Dec("from")));
        Assert.Equal(JsonValueKind.Null, ranges[^1].GetProperty("to").ValueKind);
        var expensive = await fixture.ScalarAsync<long>("SELECT count(*) FROM products WHERE price >= 1000 AND search @@ to_tsquery('english', 'laptop:*')");
        Assert.Equal(expensive, ranges[^1].Long("count"));
    }

    [Fact]
    public async Task Nonsense_finds_nothing_without_failing()
    {
        var result = await SearchAsync("q=xqzvw+jjjkk");
        Assert.Equal(0, result.Long("total"));
        Assert.Empty(Items(result));
        Assert.False(result.TryGetProperty("didYouMean", out _));
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=500")]
    [InlineData("minPrice=9&maxPrice=1")]
    public async Task Bad_search_parameters_are_a_400_problem(string query)
    {
        using var response = await _client.GetAsync($"/api/products/search?q=tv&{query}");
        await response.ReadAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("hea")]
    [InlineData("s")]
    [InlineData("sony pu")]
    [InlineData("cre")]
    public async Task Suggest_completes_a_prefix_with_at_most_ten_names(string prefix)
    {
        var suggestions = (await _client.GetJsonAsync($"/api/products/suggest?q={Uri.EscapeDataString(prefix)}")).EnumerateArray().ToList();
        Assert.InRange(suggestions.Count, 1, 10);
        var last = prefix.Split(' ')[^1];
        Assert.All(suggestions, s =>
        {
            var words = Normalize(s.Str("text")).Split(' ', '-');
            Assert.Contains(words, w => w.StartsWith(last, StringComparison.Ordinal));
            Assert.True(Guid.TryParse(s.Str("productId"), out _));
        });
    }

    [Fact]
    public async Task Suggest_without_a_prefix_is_a_400_problem()
    {
        using var response = await _client.GetAsync("/api/products/suggest?q=");
        await response.ReadAsync(HttpStatusCode.BadRequest);
    }

    private static string Normalize(string text) =>
        new(text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
}
