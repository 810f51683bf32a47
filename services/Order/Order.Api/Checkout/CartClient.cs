using System.Net.Http.Headers;
using ECommerce.ServiceDefaults;

namespace ECommerce.Order.Api.Checkout;

/// <summary>
/// Reads the caller's cart from the cart service (<c>http://cart</c>, through the default resilience pipeline),
/// as the caller: the bearer token is forwarded, so the cart service decides whose cart it is.
/// </summary>
public sealed class CartClient(IHttpClientFactory clients, ILogger<CartClient> logger)
{
    public const string ClientName = ResourceNames.Cart;

    /// <summary>The cart, or null when the cart service cannot answer.</summary>
    public async Task<CartSnapshot?> GetAsync(string? authorization, CancellationToken ct)
    {
        var http = clients.CreateClient(ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{ResourceNames.Cart}/api/cart");
        if (AuthenticationHeaderValue.TryParse(authorization, out var header)) request.Headers.Authorization = header;
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The cart service answered {Status}", (int)response.StatusCode);
                return null;
            }
            return await response.Content.ReadFromJsonAsync<CartSnapshot>(ct);
        }
        // Whatever the pipeline gives up with (refused, timed out, breaker open, garbage): the cart is unavailable.
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("The cart service is unavailable: {Reason}", ex.Message);
            return null;
        }
    }
}
