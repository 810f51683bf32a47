using ECommerce.Identity.Api.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Identity.Api.RefreshTokens;

public static class RevokeEndpoint
{
    /// <summary>
    /// <c>POST /api/auth/revoke</c> (RFC 7009): revokes the family of a refresh token. 200 for unknown tokens and for
    /// access tokens too (they cannot be recalled and expire on their own), so the answer reveals nothing.
    /// Holding the token is what entitles a caller to revoke it.
    /// </summary>
    public static RouteGroupBuilder MapRevokeEndpoint(this RouteGroupBuilder group)
    {
        group.MapPost("/revoke", RevokeAsync).WithSummary("Revoke a refresh token (and its family)");
        return group;
    }

    private static async Task<Results<Ok, JsonHttpResult<OAuthError>>> RevokeAsync(
        HttpContext http, RefreshTokenStore refreshTokens, ILogger<RefreshTokenStore> logger, CancellationToken ct)
    {
        var (form, error) = await OAuthForm.ReadAsync(http.Request, ct);
        if (error is not null) return OAuthResults.Error(http, error);
        if (!form!.TryGetValue("token", out var token)) return OAuthResults.Error(http, OAuthError.InvalidRequest("The 'token' parameter is missing."));

        if (await refreshTokens.RevokeAsync(token, ct)) logger.LogInformation("Refresh token family revoked on request");
        return TypedResults.Ok();
    }
}
