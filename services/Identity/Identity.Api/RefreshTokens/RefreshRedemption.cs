namespace ECommerce.Identity.Api.RefreshTokens;

/// <summary>The result of presenting a refresh token: when valid, its successor and whose it is.</summary>
public sealed record RefreshRedemption(RefreshVerdict Verdict, string? NewToken = null, Guid UserId = default, string? ClientId = null);
