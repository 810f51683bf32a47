using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ECommerce.Order.Api.Checkout;

/// <summary>A fingerprint of what was asked, to tell a retry (same body) from a reused key (another body).</summary>
public static class RequestHash
{
    public static string Of(CheckoutRequest request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, JsonSerializerOptions.Web))));
}
