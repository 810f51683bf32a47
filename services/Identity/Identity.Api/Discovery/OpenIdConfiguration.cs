using System.Text.Json.Serialization;

namespace ECommerce.Identity.Api.Discovery;

/// <summary>
/// OpenID Provider metadata (OpenID Connect Discovery 1.0 §3, RFC 8414). There is no authorization endpoint, only the
/// token endpoint, so no response type is supported; the list is present (the field is required) and empty.
/// </summary>
public sealed record OpenIdConfiguration(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("revocation_endpoint")] string RevocationEndpoint,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> SigningAlgorithms,
    [property: JsonPropertyName("scopes_supported")] IReadOnlyList<string> Scopes)
{
    [JsonPropertyName("grant_types_supported")]
    public IReadOnlyList<string> GrantTypes => ["password", "refresh_token", "client_credentials"];

    [JsonPropertyName("response_types_supported")] public IReadOnlyList<string> ResponseTypes => [];

    [JsonPropertyName("subject_types_supported")] public IReadOnlyList<string> SubjectTypes => ["public"];

    [JsonPropertyName("token_endpoint_auth_methods_supported")]
    public IReadOnlyList<string> TokenEndpointAuthMethods => ["client_secret_basic", "client_secret_post", "none"];

    [JsonPropertyName("revocation_endpoint_auth_methods_supported")]
    public IReadOnlyList<string> RevocationEndpointAuthMethods => ["none"];

    [JsonPropertyName("claims_supported")]
    public IReadOnlyList<string> Claims => ["sub", "email", "name", "role", "client_id", "scope", "iss", "aud", "exp", "iat", "jti"];
}
