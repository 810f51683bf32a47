using System.Text.Json.Serialization;

namespace ECommerce.Identity.Api.Discovery;

/// <summary>The JWKS document (RFC 7517 §5).</summary>
public sealed record JsonWebKeySetDocument([property: JsonPropertyName("keys")] IReadOnlyList<PublicJwk> Keys);
