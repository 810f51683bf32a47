using System.Net;

namespace ECommerce.Identity.Tests;

/// <summary>
/// Two instances on one database, no issuer configured: the issuer comes from how the client reached the gateway, and
/// keys made by one instance are honoured by the other at once.
/// </summary>
public sealed class TwoInstancesTests(TwoInstancesTests.Fixture fixture) : IClassFixture<TwoInstancesTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public IdentityServer A { get; private set; } = null!;
        public IdentityServer B { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            A = await IdentityServer.StartAsync();
            B = await IdentityServer.StartAsync(connectionString: A.ConnectionString);
        }

        public async Task DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }

    private static void ThroughGateway(HttpClient http)
    {
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        http.DefaultRequestHeaders.Add("X-Forwarded-Host", "shop.example:8443");
    }

    [Fact]
    public async Task Without_a_configured_issuer_the_forwarded_origin_is_the_issuer()
    {
        using var viaGateway = fixture.A.Client(ThroughGateway);
        using var direct = fixture.A.Client();
        var (email, _) = await viaGateway.NewUserAsync();

        var discovery = await viaGateway.GetAsync("/.well-known/openid-configuration");
        var (token, _) = await viaGateway.SignInAsync(email);

        Assert.Equal("https://shop.example:8443", discovery.Body.GetProperty("issuer").GetString());
        Assert.Equal("https://shop.example:8443/.well-known/jwks.json", discovery.Body.GetProperty("jwks_uri").GetString());
        Assert.Equal("https://shop.example:8443/api/auth/token", discovery.Body.GetProperty("token_endpoint").GetString());
        Assert.Equal("https://shop.example:8443", TokenForge.Read(token).Issuer);
        Assert.Equal(HttpStatusCode.OK, (await viaGateway.MeAsync(token)).Status);
        // Reached at another origin, identity is another issuer: the token is not for it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.MeAsync(token)).Status);
    }

    [Fact]
    public async Task Keys_rotated_on_one_instance_are_honoured_by_the_other_at_once()
    {
        using var a = fixture.A.Client();
        using var b = fixture.B.Client();
        var (email, _) = await a.NewUserAsync();
        var (before, _) = await a.SignInAsync(email);
        var beforeOnB = await b.MeAsync(before);
        Assert.True(beforeOnB.Status == HttpStatusCode.OK, beforeOnB.Response.Headers.WwwAuthenticate.ToString());
        var (admin, _) = await a.SignInAsync(IdentityServer.AdminEmail, IdentityServer.AdminPassword);

        var newKid = (await a.RotateKeysAsync(admin)).Body.GetProperty("activeKid").GetString();
        var (after, _) = await a.SignInAsync(email);

        Assert.Equal(newKid, TokenForge.Read(after).Kid);
        Assert.Equal(HttpStatusCode.OK, (await b.MeAsync(after)).Status);
        Assert.Equal(HttpStatusCode.OK, (await b.MeAsync(before)).Status);
        Assert.Contains(newKid, (await Jwks.FetchAsync(b)).Keys.Select(k => k.Kid));
    }

    [Fact]
    public async Task A_refresh_token_from_one_instance_rotates_on_the_other_and_cannot_be_replayed_on_the_first()
    {
        using var a = fixture.A.Client();
        using var b = fixture.B.Client();
        var (email, _) = await a.NewUserAsync();
        var (_, refresh) = await a.SignInAsync(email);

        var onB = await b.RefreshAsync(refresh);
        var replayOnA = await a.RefreshAsync(refresh);

        Assert.Equal(HttpStatusCode.OK, onB.Status);
        Assert.Equal("invalid_grant", replayOnA.Error);
        Assert.Equal("invalid_grant", (await b.RefreshAsync(onB.Body.GetProperty("refresh_token").GetString()!)).Error);
    }
}
