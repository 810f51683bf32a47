using System.Net;

namespace ECommerce.Identity.Tests;

/// <summary>Keys that reach <c>Identity:SigningKeyLifetime</c> are replaced on their own; their tokens stay valid.</summary>
public sealed class KeyLifetimeTests(KeyLifetimeTests.Fixture fixture) : IClassFixture<KeyLifetimeTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public IdentityServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await IdentityServer.StartAsync(new Dictionary<string, string>
        {
            ["Identity:SigningKeyLifetime"] = "00:00:01",
            ["Identity:SigningKeyCacheDuration"] = "00:00:00.200",
        });

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    [Fact]
    public async Task An_old_key_is_replaced_and_tokens_it_signed_still_validate()
    {
        using var client = fixture.Server.Client();
        var (email, _) = await client.NewUserAsync();
        var (before, _) = await client.SignInAsync(email);
        var oldKid = TokenForge.Read(before).Kid;

        var after = await Eventually.UntilAsync(async () => (await client.SignInAsync(email)).AccessToken,
            token => TokenForge.Read(token).Kid != oldKid, "a token signed by a newer key");

        Assert.Equal(HttpStatusCode.OK, (await client.MeAsync(before)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.MeAsync(after)).Status);
        var published = (await Jwks.FetchAsync(client)).Keys.Select(k => k.Kid).ToList();
        Assert.Contains(oldKid, published);
        Assert.Contains(TokenForge.Read(after).Kid, published);
    }
}
