using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.ServiceDefaults.Authentication;

namespace ECommerce.Order.Tests.Integration;

/// <summary>The order API as a signed-in caller uses it.</summary>
/// <param name="service">Another instance of the service to call instead of the fixture's.</param>
internal sealed class OrderClient(SagaFixture fixture, string userId, string role = Roles.Customer, OrderServiceFactory? service = null)
{
    public static readonly object ValidBody = new
    {
        shippingAddress = new { name = "Ada Lovelace", line1 = "12 St James's Square", city = "London", postalCode = "SW1Y 4JH", country = "GB" },
        payment = new { cardToken = "tok_visa" },
    };

    public string UserId => userId;

    public static object Body(string cardToken) => new
    {
        shippingAddress = new { name = "Ada Lovelace", line1 = "12 St James's Square", city = "London", postalCode = "SW1Y 4JH", country = "GB" },
        payment = new { cardToken },
    };

    public HttpClient Http()
    {
        var http = (service ?? fixture.Service).CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Identity.Token(userId, role));
        return http;
    }

    public async Task<HttpResponseMessage> CheckoutAsync(object? body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders/checkout") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Http().SendAsync(request);
    }

    /// <summary>Checks out the given card and returns the new order's id (asserting 202).</summary>
    public async Task<Guid> PlaceAsync(string cardToken = "tok_visa")
    {
        using var response = await CheckoutAsync(Body(cardToken), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetGuid();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Http().GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path)
    {
        using var response = await Http().PostAsync(path, content: null);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> OrderAsync(Guid id)
    {
        var (status, body) = await GetAsync($"/api/orders/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    public Task<JsonElement> WaitForStatusAsync(Guid id, string status) =>
        Eventually.GetAsync(() => OrderAsync(id), o => o.GetProperty("status").GetString() == status, $"order {id} to be {status}");

    public async Task<List<string>> HistoryTypesAsync(Guid id)
    {
        var (_, body) = await GetAsync($"/api/orders/{id}/history");
        return body.EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();
    }
}
