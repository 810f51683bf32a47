using ECommerce.Identity.Api.Tokens;

namespace ECommerce.Identity.Api.Keys;

/// <summary>
/// When a new signing key is due, and how long a retired key stays published. An instance may sign with a key for up
/// to one cache period after another instance retired it, so a retired key is kept for the access-token lifetime plus
/// that period plus clock skew: every token it signed expires before it leaves the JWKS.
/// </summary>
public sealed class KeyRotationPolicy(SigningKeyOptions keys, TokenIssuanceOptions tokens)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public TimeSpan PublishedAfterRetirement => tokens.AccessTokenLifetime + keys.SigningKeyCacheDuration + ClockSkew;

    public bool NeedsNewKey(SigningKey? active, DateTimeOffset now) =>
        active is null || now - active.CreatedAt >= keys.SigningKeyLifetime;

    public bool IsPublished(SigningKey key, DateTimeOffset now) =>
        key.RetiredAt is not { } retired || now < retired + PublishedAfterRetirement;

    /// <summary>How often an instance checks whether the key is due: often enough for short test lifetimes, at most a minute.</summary>
    public TimeSpan CheckInterval => TimeSpan.FromTicks(Math.Clamp(keys.SigningKeyLifetime.Ticks / 4,
        TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromMinutes(1).Ticks));
}
