using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.Checkout.Bench;

/// <summary>The few API.md calls a checkout needs, as a customer and as the seeded admin.</summary>
public sealed class BenchShop(HttpClient http)
{
    public async Task<IReadOnlyList<string>> StockedProductsAsync(int count, int onHand)
    {
        var admin = await TokenAsync("admin@shop.local", "Admin123!");
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/products?pageSize={count}&sort=name");
        var ids = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        foreach (var id in ids)
            (await SendAsync(HttpMethod.Put, $"/api/inventory/{id}", admin, new { onHand })).EnsureSuccessStatusCode();
        return ids;
    }

    public async Task<IReadOnlyList<string>> UsersAsync(int count)
    {
        using var gate = new SemaphoreSlim(16);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var email = $"bench-{Guid.NewGuid():N}@shop.test";
                (await http.PostAsJsonAsync("/api/auth/register", new { email, password = "bench password", name = $"Bench {i}" })).EnsureSuccessStatusCode();
                return await TokenAsync(email, "bench password");
            }
            finally { gate.Release(); }
        }));
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return http.SendAsync(request);
    }

    private async Task<string> TokenAsync(string email, string password)
    {
        using var response = await http.PostAsync("/api/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = password,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
