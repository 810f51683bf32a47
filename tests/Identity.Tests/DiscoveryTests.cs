using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class DiscoveryTests(IdentityFixture fixture)
{
    private const string Issuer = IdentityFixture.Issuer;

    [Fact]
    public async Task Discovery_document_names_the_configured_issuer_and_its_endpoints()
    {
        using var client = fixture.Client();

        var answer = await client.GetAsync("/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var doc = answer.Body;
        Assert.Equal(Issuer, doc.GetProperty("issuer").GetString());
        Assert.Equal($"{Issuer}/.well-known/jwks.json", doc.GetProperty("jwks_uri").GetString());
        Assert.Equal($"{Issuer}/api/auth/token", doc.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{Issuer}/api/auth/revoke", doc.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(["password", "refresh_token", "client_credentials"], Strings(doc, "grant_types_supported"));
        Assert.Contains("RS256", Strings(doc, "id_token_signing_alg_values_supported"));
        Assert.Contains("client_secret_basic", Strings(doc, "token_endpoint_auth_methods_supported"));
        Assert.Equal(["public"], Strings(doc, "subject_types_supported"));
        Assert.True(doc.TryGetProperty("response_types_supported", out _));
        Assert.Contains("products.read", Strings(doc, "scopes_supported"));
    }

    [Fact]
    public async Task Jwks_publishes_public_parameters_only()
    {
        using var client = fixture.Client();

        var answer = await client.GetAsync("/.well-known/jwks.json");

        var keys = answer.Body.GetProperty("keys").EnumerateArray().ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.Equal("RSA", key.GetProperty("kty").GetString());
            Assert.Equal("RS256", key.GetProperty("alg").GetString());
            Assert.Equal("sig", key.GetProperty("use").GetString());
            Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
            Assert.True(key.GetProperty("n").GetString()!.Length > 300);
            Assert.Equal("AQAB", key.GetProperty("e").GetString());
            foreach (var secret in new[] { "d", "p", "q", "dp", "dq", "qi" }) Assert.False(key.TryGetProperty(secret, out _), secret);
        }
    }

    [Fact]
    public async Task A_standard_openid_client_library_reads_the_metadata_and_validates_our_tokens_with_it()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();
        var (accessToken, _) = await client.SignInAsync(email);

        // The TestServer handler answers any host, so the issuer's URLs in the document reach this service.
        var retriever = new HttpDocumentRetriever(client.Http) { RequireHttps = false };
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            "http://localhost/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(), retriever);
        var configuration = await manager.GetConfigurationAsync(CancellationToken.None);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = "ecommerce-api",
            IssuerSigningKeys = configuration.SigningKeys,
        });

        Assert.Equal(Issuer, configuration.Issuer);
        Assert.Equal($"{Issuer}/api/auth/token", configuration.TokenEndpoint);
        Assert.NotEmpty(configuration.SigningKeys);
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    private static List<string> Strings(System.Text.Json.JsonElement doc, string name) =>
        doc.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();
}
