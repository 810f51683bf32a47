using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ECommerce.Browser.Tests;

/// <summary>Direct calls to the public API for a test's setup and checks (what the browser shows is the assertion).</summary>
public sealed class ShopApi(Uri gateway) : IDisposable
{
    public const string AdminEmail = "admin@shop.local";
    public const string AdminPassword = "Admin123!";
    private static readonly TimeSpan CatalogBound = TimeSpan.FromSeconds(90);

    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient Http => _http;

    public async Task<string> AdminTokenAsync()
    {
        using var response = await _http.PostAsync("/api/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = AdminEmail, ["password"] = AdminPassword,
        }));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["access_token"]!.GetValue<string>();
    }

    /// <summary>Products of the seeded catalog (waits for the seed, which runs on the product service's first start).</summary>
    public async Task<JsonArray> ProductsAsync(int pageSize = 20)
    {
        var deadline = DateTime.UtcNow + CatalogBound;
        while (true)
        {
            using var response = await _http.GetAsync($"/api/products?pageSize={pageSize}&sort=name");
            if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonObject>())?["items"] is JsonArray { Count: > 0 } items)
                return items;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No products within {CatalogBound.TotalSeconds} s (last answer {(int)response.StatusCode}).");
            await Task.Delay(500);
        }
    }

    /// <summary>A product that can be bought: the admin gives it plenty of stock first.</summary>
    public async Task<JsonObject> StockedProductAsync(int index)
    {
        var products = await ProductsAsync();
        var product = products[index % products.Count]!.AsObject();
        await SetStockAsync(product["id"]!.GetValue<string>(), 500);
        return product;
    }

    public async Task SetStockAsync(string productId, int onHand)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/inventory/{Uri.EscapeDataString(productId)}")
        {
            Content = JsonContent.Create(new { onHand }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await AdminTokenAsync());
        using var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Setting stock answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonObject> ProductAsync(string productId)
    {
        var text = await _http.GetStringAsync($"/api/products/{Uri.EscapeDataString(productId)}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public void Dispose() => _http.Dispose();

    public static string Text(JsonNode node, string property) =>
        node[property]?.GetValue<JsonElement>().ToString() ?? throw new InvalidOperationException($"No {property} in {node}");
}
