namespace ECommerce.Identity.Api.RefreshTokens;

/// <summary>Whether a presented refresh token may be exchanged. A revoked family stays dead; a consumed token is reuse.</summary>
public static class RefreshTokenPolicy
{
    public static RefreshVerdict Evaluate(RefreshToken? token, string? clientId, DateTimeOffset now) => token switch
    {
        null => RefreshVerdict.Unknown,
        { RevokedAt: not null } => RefreshVerdict.Revoked,
        { ConsumedAt: not null } => RefreshVerdict.Reused,
        _ when token.ExpiresAt <= now => RefreshVerdict.Expired,
        _ when clientId is not null && clientId != token.ClientId => RefreshVerdict.WrongClient,
        _ => RefreshVerdict.Valid,
    };

    public static string Describe(RefreshVerdict verdict) => verdict switch
    {
        RefreshVerdict.Expired => "The refresh token has expired.",
        RefreshVerdict.Revoked => "The refresh token has been revoked.",
        RefreshVerdict.Reused => "The refresh token was already used; every token of its family has been revoked.",
        RefreshVerdict.WrongClient => "The refresh token was issued to another client.",
        _ => "The refresh token is not valid.",
    };
}
