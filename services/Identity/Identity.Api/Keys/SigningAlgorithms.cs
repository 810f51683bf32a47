using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Identity.Api.Keys;

/// <summary>The JWS algorithms access tokens may be signed with.</summary>
public static class SigningAlgorithms
{
    public const string RS256 = SecurityAlgorithms.RsaSha256;
    public const string ES256 = SecurityAlgorithms.EcdsaSha256;

    public static readonly IReadOnlyList<string> All = [RS256, ES256];
}
