using ECommerce.Identity.Api.Clients;

namespace ECommerce.Identity.Api.Tokens;

/// <summary>A token request as read: its form parameters, the client's credentials if any, and the issuer it is answered as.</summary>
public sealed record TokenRequest(IReadOnlyDictionary<string, string> Parameters, ClientCredentials? Client, string Issuer)
{
    public string? GrantType => this["grant_type"];

    public string? this[string name] => Parameters.GetValueOrDefault(name);

    public OAuthError? Require(params string[] names) =>
        names.FirstOrDefault(n => this[n] is null) is { } missing ? OAuthError.InvalidRequest($"The '{missing}' parameter is missing.") : null;
}
