using ECommerce.Identity.Api.Clients;
using ECommerce.Identity.Api.RefreshTokens;
using ECommerce.Identity.Api.Users;

namespace ECommerce.Identity.Api.Tokens;

/// <summary>grant_type=refresh_token (RFC 6749 §6): every use returns a new refresh token and spends the old one.</summary>
public sealed class RefreshTokenGrant(
    ClientRegistry clients, RefreshTokenStore refreshTokens, UserStore users, AccessTokenIssuer accessTokens,
    ILogger<RefreshTokenGrant> logger)
{
    public async Task<TokenOutcome> HandleAsync(TokenRequest request, CancellationToken ct)
    {
        if (request.Require("refresh_token") is { } missing) return missing;
        var (client, clientError) = clients.ForUserGrant(request.Client, "refresh_token");
        if (clientError is not null) return clientError;

        var redemption = await refreshTokens.RedeemAsync(request["refresh_token"]!, client?.Id, ct);
        if (redemption.Verdict == RefreshVerdict.Reused)
            logger.LogWarning("A spent refresh token was presented again: its family is revoked");
        if (redemption.Verdict != RefreshVerdict.Valid) return OAuthError.InvalidGrant(RefreshTokenPolicy.Describe(redemption.Verdict));

        var user = await users.FindByIdAsync(redemption.UserId, ct);
        if (user is null) return OAuthError.InvalidGrant("The refresh token's user no longer exists.");
        return await accessTokens.IssueAsync(TokenSubject.ForUser(user, redemption.ClientId), request.Issuer, redemption.NewToken, ct);
    }
}
