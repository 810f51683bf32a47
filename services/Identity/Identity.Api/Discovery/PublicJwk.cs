using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Identity.Api.Discovery;

/// <summary>A JWKS entry: the public half of a signing key only (RFC 7517), never a private parameter.</summary>
public sealed record PublicJwk(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("alg")] string Alg)
{
    [JsonPropertyName("use")] public string Use => "sig";

    [JsonPropertyName("n"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? N { get; init; }

    [JsonPropertyName("e"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? E { get; init; }

    [JsonPropertyName("crv"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Crv { get; init; }

    [JsonPropertyName("x"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? X { get; init; }

    [JsonPropertyName("y"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Y { get; init; }

    public static PublicJwk From(AsymmetricSecurityKey key, string algorithm)
    {
        switch (key)
        {
            case RsaSecurityKey { Rsa: { } rsa }:
                var rsaPublic = rsa.ExportParameters(includePrivateParameters: false);
                return new PublicJwk("RSA", key.KeyId, algorithm)
                {
                    N = Base64UrlEncoder.Encode(rsaPublic.Modulus), E = Base64UrlEncoder.Encode(rsaPublic.Exponent),
                };
            case ECDsaSecurityKey { ECDsa: { } ecdsa }:
                var ecPublic = ecdsa.ExportParameters(includePrivateParameters: false);
                return new PublicJwk("EC", key.KeyId, algorithm)
                {
                    Crv = "P-256", X = Base64UrlEncoder.Encode(ecPublic.Q.X), Y = Base64UrlEncoder.Encode(ecPublic.Q.Y),
                };
            default:
                throw new ArgumentException($"Key '{key.KeyId}' cannot be published as a JWK.", nameof(key));
        }
    }
}
