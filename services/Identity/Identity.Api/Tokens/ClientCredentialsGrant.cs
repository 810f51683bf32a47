using ECommerce.Identity.Api.Clients;

namespace ECommerce.Identity.Api.Tokens;

/// <summary>
/// grant_type=client_credentials (RFC 6749 §4.4): a machine client with its secret gets a token of its own role and
/// the scopes it asked for (all of its scopes when it asked for none); no refresh token.
/// </summary>
public sealed class ClientCredentialsGrant(ClientRegistry clients, AccessTokenIssuer accessTokens)
{
    public async Task<TokenOutcome> HandleAsync(TokenRequest request, CancellationToken ct)
    {
        var (client, clientError) = clients.ForClientCredentials(request.Client);
        if (clientError is not null) return clientError;

        var requested = request["scope"]?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requested?.FirstOrDefault(s => !client!.Scopes.Contains(s)) is { } refused) return OAuthError.InvalidScope(refused);
        var granted = requested ?? client!.Scopes.Order(StringComparer.Ordinal).ToArray();
        var scope = granted.Length == 0 ? null : string.Join(' ', granted.Distinct());

        return await accessTokens.IssueAsync(TokenSubject.ForClient(client!, scope), request.Issuer, refreshToken: null, ct);
    }
}
