using System.Net;
using Polly;

namespace ECommerce.Cart.Api.Carts;

/// <summary>
/// The product service through the named client <see cref="ClientName"/> (<c>http://product</c>, resolved by service
/// discovery; retries, timeouts and the circuit breaker come from ServiceDefaults' resilience pipeline).
/// </summary>
public sealed class ProductCatalog(IHttpClientFactory clients)
{
    public const string ClientName = "product";

    /// <summary>The product, or null when the product service says it does not exist.</summary>
    public async Task<ProductSnapshot?> FindAsync(string productId, CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.GetAsync($"/api/products/{Uri.EscapeDataString(productId)}", ct);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode)
                throw new ProductCatalogUnavailableException($"The product service answered {(int)response.StatusCode}.");
            var product = await response.Content.ReadFromJsonAsync<ProductSnapshot>(ct);
            return product is { Name: not null } ? product with { Currency = product.Currency ?? "USD" }
                : throw new ProductCatalogUnavailableException("The product service answered without a product.");
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException or System.Text.Json.JsonException
            || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new ProductCatalogUnavailableException($"The product service is unreachable: {ex.Message}", ex);
        }
    }
}
