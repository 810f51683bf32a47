using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.SystemInfrastructure;

namespace ECommerce.System.Tests.Checkout;

/// <summary>The public API of API.md as a customer or an admin uses it through the gateway; nothing but HTTP.</summary>
public sealed class Shop(ShopSystem system)
{
    public static readonly object Address = new { name = "Ada Buyer", line1 = "1 Test Street", city = "Testville", postalCode = "12345", country = "US" };
    private static readonly string[] Terminal = ["Confirmed", "Cancelled"];

    private readonly HttpClient _gateway = system.Gateway;

    public async Task<string> AdminTokenAsync() => await TokenAsync(ShopSystem.AdminEmail, system.AdminPassword);

    public async Task<string> NewCustomerAsync()
    {
        var email = $"buyer-{Guid.NewGuid():N}@shop.test";
        using var register = await _gateway.PostAsJsonAsync("/api/auth/register", new { email, password = "correct horse 1", name = "Test Buyer" });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        return await TokenAsync(email, "correct horse 1");
    }

    /// <summary>A product of the seeded catalog with exactly <paramref name="onHand"/> units and none reserved.</summary>
    public async Task<string> ProductWithStockAsync(string adminToken, int onHand, int skip)
    {
        var page = await _gateway.GetFromJsonAsync<JsonElement>($"/api/products?page={skip + 1}&pageSize=1&sort=name");
        var productId = page.GetProperty("items")[0].GetProperty("id").GetString()!;
        using var put = await SendAsync(HttpMethod.Put, $"/api/inventory/{productId}", adminToken, new { onHand });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var stock = await StockAsync(productId);
        Assert.Equal((onHand, 0), (stock.OnHand, stock.Reserved));
        return productId;
    }

    public async Task<(int OnHand, int Reserved)> StockAsync(string productId)
    {
        var stock = await _gateway.GetFromJsonAsync<JsonElement>($"/api/inventory/{productId}");
        return (stock.GetProperty("onHand").GetInt32(), stock.GetProperty("reserved").GetInt32());
    }

    public async Task PutInCartAsync(string token, string productId, int quantity)
    {
        using var put = await SendAsync(HttpMethod.Put, $"/api/cart/items/{productId}", token, new { quantity });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> CheckoutAsync(string token, string card, string? idempotencyKey = null, string? traceParent = null)
    {
        var request = Request(HttpMethod.Post, "/api/orders/checkout", token, new { shippingAddress = Address, payment = new { cardToken = card } });
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString("N"));
        if (traceParent is not null) request.Headers.Add("traceparent", traceParent);
        return _gateway.SendAsync(request);
    }

    /// <summary>Puts one product in a new cart and checks out: the accepted order's id.</summary>
    public async Task<string> PlaceOrderAsync(string token, string productId, int quantity, string card)
    {
        await PutInCartAsync(token, productId, quantity);
        using var checkout = await CheckoutAsync(token, card);
        var body = await checkout.Content.ReadAsStringAsync();
        Assert.True(checkout.StatusCode == HttpStatusCode.Accepted, $"{(int)checkout.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("orderId").GetString()!;
    }

    public async Task<JsonElement> OrderAsync(string token, string orderId) =>
        await GetJsonAsync($"/api/orders/{orderId}", token);

    /// <summary>Polls the order until it is Confirmed or Cancelled (bounded), and returns it as it last was.</summary>
    public async Task<JsonElement> TerminalOrderAsync(string token, string orderId, TimeSpan? bound = null) =>
        await EventuallyAsync(() => OrderAsync(token, orderId), o => Terminal.Contains(o.GetProperty("status").GetString()), bound);

    public async Task<JsonElement> HistoryAsync(string token, string orderId) =>
        await GetJsonAsync($"/api/orders/{orderId}/history", token);

    public async Task<JsonElement> CartAsync(string token) => await GetJsonAsync("/api/cart", token);

    /// <summary>The admin view of an order's payments: <c>[ { paymentId, orderId, amount, currency, status, createdAt } ]</c>.</summary>
    public async Task<JsonElement> PaymentsAsync(string adminToken, string orderId) =>
        await GetJsonAsync($"/api/payments?orderId={orderId}", adminToken);

    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? bound = null)
    {
        var deadline = DateTime.UtcNow + (bound ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var value = await probe();
            if (condition(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null) =>
        _gateway.SendAsync(Request(method, path, token, body));

    private async Task<string> TokenAsync(string email, string password)
    {
        using var response = await _gateway.PostAsync("/api/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = password,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    private async Task<JsonElement> GetJsonAsync(string path, string token)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
