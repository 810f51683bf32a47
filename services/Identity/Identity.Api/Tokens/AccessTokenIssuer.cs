using ECommerce.Identity.Api.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Identity.Api.Tokens;

/// <summary>Signs access tokens (RFC 9068 JWTs, <c>typ: at+jwt</c>) with the active key, whose kid goes in the header.</summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, IOptions<TokenIssuanceOptions> options, TimeProvider time)
{
    public const string TokenType = "at+jwt";

    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<TokenResponse> IssueAsync(TokenSubject subject, string issuer, string? refreshToken, CancellationToken ct)
    {
        var credentials = await keys.GetSigningCredentialsAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.AccessTokenLifetime;
        var claims = subject.ToClaims();
        claims[JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N");
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            TokenType = TokenType,
            Claims = claims,
            SigningCredentials = credentials,
        });
        return new TokenResponse(token, (int)lifetime.TotalSeconds, refreshToken, subject.Scope);
    }
}
