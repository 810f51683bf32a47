using ECommerce.Identity.Api.Clients;
using ECommerce.Identity.Api.Discovery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Identity.Api.Tokens;

public static class TokenEndpoint
{
    /// <summary><c>POST /api/auth/token</c> (RFC 6749): password, refresh_token and client_credentials grants, form-encoded.</summary>
    public static RouteGroupBuilder MapTokenEndpoint(this RouteGroupBuilder group)
    {
        group.MapPost("/token", IssueAsync)
            .WithSummary("Issue tokens (OAuth 2.0 token endpoint)");
        return group;
    }

    private static async Task<Results<JsonHttpResult<TokenResponse>, JsonHttpResult<OAuthError>>> IssueAsync(
        HttpContext http, IssuerResolver issuers, PasswordGrant password, RefreshTokenGrant refresh,
        ClientCredentialsGrant clientCredentials, CancellationToken ct)
    {
        var (form, formError) = await OAuthForm.ReadAsync(http.Request, ct);
        if (formError is not null) return OAuthResults.Error(http, formError);
        var (client, clientError) = ClientCredentials.Read(form!, http.Request.Headers.Authorization.ToString());
        if (clientError is not null) return OAuthResults.Error(http, clientError);

        var request = new TokenRequest(form!, client, issuers.For(http.Request));
        TokenOutcome outcome = request.GrantType switch
        {
            null => OAuthError.InvalidRequest("The 'grant_type' parameter is missing."),
            "password" => await password.HandleAsync(request, ct),
            "refresh_token" => await refresh.HandleAsync(request, ct),
            "client_credentials" => await clientCredentials.HandleAsync(request, ct),
            var other => OAuthError.UnsupportedGrantType(other),
        };
        return OAuthResults.From(http, outcome);
    }
}
