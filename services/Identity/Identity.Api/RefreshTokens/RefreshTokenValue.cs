using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Identity.Api.RefreshTokens;

/// <summary>
/// Refresh tokens are 256 random bits, base64url. Only their SHA-256 is stored: with that much entropy a fast hash is
/// enough, and a stolen table holds nothing that can be presented.
/// </summary>
public static class RefreshTokenValue
{
    public static string New() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
