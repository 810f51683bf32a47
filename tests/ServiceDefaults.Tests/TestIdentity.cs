using System.Net.Http.Headers;
using System.Security.Cryptography;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.ServiceDefaults.Tests;

/// <summary>Stands in for the identity service at its HTTP boundary (OpenID metadata and JWKS) and signs tokens.</summary>
internal sealed class TestIdentity : IAsyncDisposable
{
    private const string Issuer = "http://issuer.test";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N")[..12] };
    private TestApp _server = null!;

    public static async Task<TestIdentity> StartAsync()
    {
        var identity = new TestIdentity();
        identity._server = await TestApp.StartAsync(app =>
        {
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new { issuer = Issuer }));
            app.MapGet("/.well-known/jwks.json", () =>
            {
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(identity._key);
                return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
            });
        });
        return identity;
    }

    /// <summary>A service that validates tokens from this identity and so maps the admin-only fault endpoints.</summary>
    public Task<TestApp> StartServiceAsync(Action<WebApplication> map, Dictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        settings ??= [];
        settings["services:identity:http:0"] = _server.BaseAddress.ToString();
        return TestApp.StartAsync(map, settings, b =>
        {
            b.AddDefaultAuthentication();
            configure?.Invoke(b);
        });
    }

    public HttpClient ClientAs(TestApp service, string? role)
    {
        var client = service.CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role));
        return client;
    }

    private string Token(string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = AuthenticationExtensions.Audience,
        Expires = DateTime.UtcNow.AddMinutes(5),
        Claims = new Dictionary<string, object> { ["sub"] = $"{role}-1", ["role"] = role },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
