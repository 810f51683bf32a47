namespace ECommerce.Identity.Api.RefreshTokens;

public enum RefreshVerdict
{
    Valid,
    Unknown,
    Expired,
    Revoked,
    /// <summary>Already used once: someone holds a copy. The whole family is revoked.</summary>
    Reused,
    /// <summary>Presented by another client than the one it was issued to.</summary>
    WrongClient,
}
