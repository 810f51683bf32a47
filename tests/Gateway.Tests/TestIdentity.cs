using System.Security.Cryptography;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Gateway.Tests;

/// <summary>
/// Stands in for the identity service at its HTTP boundary: serves OpenID metadata and a JWKS from a real
/// server, and signs tokens with its current key. Keys can be rotated to test the edge's refetch.
/// </summary>
internal sealed class TestIdentity : IAsyncDisposable
{
    public const string Issuer = "http://issuer.test";

    private readonly List<RsaSecurityKey> _keys = [NewKey()];
    private Upstream _server = null!;

    public string Url => _server.Url;
    public int JwksRequests;

    public static async Task<TestIdentity> StartAsync()
    {
        var identity = new TestIdentity();
        identity._server = await Upstream.StartAsync(app =>
        {
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new
            {
                issuer = Issuer,
                jwks_uri = $"{identity.Url}/.well-known/jwks.json",
                token_endpoint = $"{Issuer}/api/auth/token",
                id_token_signing_alg_values_supported = new[] { "RS256" },
            }));
            app.MapGet("/.well-known/jwks.json", () =>
            {
                Interlocked.Increment(ref identity.JwksRequests);
                var keys = identity._keys.Select(k =>
                {
                    var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(k);
                    return new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E };
                });
                return Results.Json(new { keys });
            });
            app.MapGet("/health", () => Results.Json(new { status = "Healthy" }));
            app.MapPost("/api/auth/{**rest}", () => Results.Ok());
        });
        return identity;
    }

    public void RotateKey() => _keys.Insert(0, NewKey());

    public string Token(string role, string subject = "user-1", TimeSpan? lifetime = null, SecurityKey? key = null,
        DateTime? notBefore = null)
    {
        var now = notBefore ?? DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AuthenticationExtensions.Audience,
            NotBefore = now,
            IssuedAt = now,
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = role, ["email"] = $"{subject}@shop.test" },
            SigningCredentials = new SigningCredentials(key ?? _keys[0], SecurityAlgorithms.RsaSha256),
        });
    }

    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N")[..12] };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
