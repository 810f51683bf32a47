using System.Security.Cryptography;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Order.Tests.Integration;

/// <summary>The identity service at its HTTP boundary: OpenID metadata and a JWKS, and tokens signed with that key.</summary>
internal sealed class TestIdentity : IAsyncDisposable
{
    public const string Issuer = "http://identity.test";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "order-tests" };
    private StubServer _server = null!;

    public string Url => _server.Url;

    public static async Task<TestIdentity> StartAsync()
    {
        var identity = new TestIdentity();
        identity._server = await StubServer.StartAsync(app =>
        {
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new
            {
                issuer = Issuer,
                jwks_uri = $"{identity.Url}/.well-known/jwks.json",
            }));
            app.MapGet("/.well-known/jwks.json", () =>
            {
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(identity._key);
                return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
            });
        });
        return identity;
    }

    public string Token(string subject, string role = Roles.Customer) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = AuthenticationExtensions.Audience,
        Expires = DateTime.UtcNow.AddMinutes(30),
        Claims = new Dictionary<string, object> { [Claims.Subject] = subject, [Claims.Role] = role },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
