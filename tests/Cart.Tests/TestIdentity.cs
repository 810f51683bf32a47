using System.Security.Cryptography;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Cart.Tests;

/// <summary>The identity service at its HTTP boundary: OpenID metadata and a JWKS from a real server, and signed tokens.</summary>
internal sealed class TestIdentity : IAsyncDisposable
{
    private const string Issuer = "http://issuer.test";
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N")[..12] };
    private WebApplication _app = null!;

    public string Url { get; private set; } = "";

    public static async Task<TestIdentity> StartAsync()
    {
        var identity = new TestIdentity();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new { issuer = Issuer, jwks_uri = $"{identity.Url}/.well-known/jwks.json" }));
        app.MapGet("/.well-known/jwks.json", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(identity._key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        await app.StartAsync();
        identity._app = app;
        identity.Url = app.Urls.First();
        return identity;
    }

    public string Token(string subject, string role = Roles.Customer) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = AuthenticationExtensions.Audience,
        Expires = DateTime.UtcNow.AddMinutes(5),
        Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = role, ["email"] = $"{subject}@shop.test" },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
