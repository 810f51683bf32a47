using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.Inventory.Tests;

/// <summary>The stock endpoints as a client calls them.</summary>
internal sealed class StockClient(InventoryFixture fixture)
{
    public static string NewProductId() => $"prod-{Guid.NewGuid():N}";

    public async Task<JsonElement> GetAsync(string productId)
    {
        using var http = fixture.Service.CreateClient();
        var response = await http.GetAsync($"/api/inventory/{productId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> PutAsync(string productId, object body, string? role = "admin")
    {
        using var http = fixture.Service.CreateClient();
        if (role is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Identity.Token(role));
        return await http.PutAsJsonAsync($"/api/inventory/{productId}", body);
    }

    public async Task SetOnHandAsync(string productId, int onHand)
    {
        var response = await PutAsync(productId, new { onHand });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
