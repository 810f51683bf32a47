namespace ECommerce.Identity.Api.Tokens;

/// <summary>What a grant handler decided: tokens, or an OAuth error.</summary>
public sealed record TokenOutcome(TokenResponse? Response, OAuthError? Error)
{
    public static implicit operator TokenOutcome(TokenResponse response) => new(response, null);

    public static implicit operator TokenOutcome(OAuthError error) => new(null, error);
}
