using ECommerce.Identity.Api.Clients;
using ECommerce.Identity.Api.RefreshTokens;
using ECommerce.Identity.Api.Users;

namespace ECommerce.Identity.Api.Tokens;

/// <summary>grant_type=password (RFC 6749 §4.3): the user's email and password, for the first-party public clients.</summary>
public sealed class PasswordGrant(
    ClientRegistry clients, SignInHandler signIn, RefreshTokenStore refreshTokens, AccessTokenIssuer accessTokens,
    ILogger<PasswordGrant> logger)
{
    public async Task<TokenOutcome> HandleAsync(TokenRequest request, CancellationToken ct)
    {
        if (request.Require("username", "password") is { } missing) return missing;
        var (client, clientError) = clients.ForUserGrant(request.Client, "password");
        if (clientError is not null) return clientError;

        var result = await signIn.SignInAsync(request["username"]!, request["password"]!, ct);
        switch (result.Status)
        {
            case SignInStatus.LockedOut:
                logger.LogWarning("Sign-in refused: account locked");
                return OAuthError.InvalidGrant("The account is locked after too many failed sign-ins; try again later.");
            case SignInStatus.InvalidCredentials:
                return OAuthError.InvalidGrant("The user name or password is incorrect.");
        }

        var user = result.User!;
        var refreshToken = await refreshTokens.IssueAsync(user.Id, client?.Id, ct);
        return await accessTokens.IssueAsync(TokenSubject.ForUser(user, client?.Id), request.Issuer, refreshToken, ct);
    }
}
