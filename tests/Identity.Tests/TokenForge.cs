using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ECommerce.Identity.Api.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace ECommerce.Identity.Tests;

/// <summary>Makes tokens the way an attacker (or a clock) would: with the service's real key, another key, or none.</summary>
internal static class TokenForge
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The service's active signing key, private part included, straight from its database.</summary>
    public static async Task<AsymmetricSecurityKey> ActiveKeyAsync(IdentityServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT kid, algorithm, private_key, created_at FROM signing_keys WHERE retired_at IS NULL", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return SigningKeyFactory.Load(new SigningKey(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2),
            reader.GetFieldValue<DateTimeOffset>(3), null));
    }

    public static string Sign(SecurityKey key, string issuer, string subject, string role = "customer", DateTime? issuedAt = null,
        TimeSpan? lifetime = null, string audience = "ecommerce-api", string type = "at+jwt")
    {
        var iat = issuedAt ?? DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = iat,
            NotBefore = iat,
            Expires = iat + (lifetime ?? TimeSpan.FromMinutes(5)),
            TokenType = type,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = role, ["jti"] = Guid.NewGuid().ToString("N") },
            SigningCredentials = new SigningCredentials(key, key is ECDsaSecurityKey ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A fresh RSA key that claims another key's kid.</summary>
    public static RsaSecurityKey ImpostorKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    /// <summary>The same token with one payload claim changed and the original signature kept.</summary>
    public static string Tamper(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload[claim] = JsonSerializer.SerializeToElement(value);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";
    }

    /// <summary>An unsigned token (alg "none") with the payload of <paramref name="token"/>.</summary>
    public static string Unsigned(string token)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""");
        return $"{header}.{token.Split('.')[1]}.";
    }

    public static JsonWebToken Read(string token) => new(token);

    public static string Header(string token) => Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[0]));
}
