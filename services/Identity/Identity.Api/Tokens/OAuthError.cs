using System.Text.Json.Serialization;

namespace ECommerce.Identity.Api.Tokens;

/// <summary>
/// An error of the token or revocation endpoint as RFC 6749 §5.2 shapes it (not problem+json: OAuth clients parse
/// <c>error</c>). A client that tried to authenticate with the Authorization header gets 401 and a Basic challenge.
/// </summary>
public sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string Description)
{
    [JsonIgnore] public int StatusCode { get; init; } = StatusCodes.Status400BadRequest;

    [JsonIgnore] public bool ChallengeBasic => StatusCode == StatusCodes.Status401Unauthorized;

    public static OAuthError InvalidRequest(string description) => new("invalid_request", description);

    public static OAuthError InvalidGrant(string description) => new("invalid_grant", description);

    public static OAuthError UnsupportedGrantType(string? grantType) =>
        new("unsupported_grant_type", $"The grant type '{grantType}' is not supported.");

    public static OAuthError UnauthorizedClient(string clientId, string grantType) =>
        new("unauthorized_client", $"The client '{clientId}' may not use the '{grantType}' grant.");

    public static OAuthError InvalidScope(string scope) => new("invalid_scope", $"The scope '{scope}' is not allowed for this client.");

    public static OAuthError InvalidClient(string description, bool viaAuthorizationHeader) =>
        new("invalid_client", description)
        {
            StatusCode = viaAuthorizationHeader ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest,
        };
}
