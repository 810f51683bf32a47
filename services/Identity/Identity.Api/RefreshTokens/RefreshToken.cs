namespace ECommerce.Identity.Api.RefreshTokens;

/// <summary>A stored refresh token: its hash, never the token; the family is every token descended from one sign-in.</summary>
public sealed record RefreshToken(
    byte[] TokenHash, Guid FamilyId, Guid UserId, string? ClientId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? ConsumedAt, DateTimeOffset? RevokedAt);
