using System.Net;

namespace ECommerce.Identity.Tests;

/// <summary>/api/auth/me accepts only tokens identity signed, unexpired, for this issuer and audience.</summary>
[Collection(IdentityCollection.Name)]
public sealed class BearerTokenTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Me_answers_the_signed_in_user()
    {
        using var client = fixture.Client();
        var (email, userId) = await client.NewUserAsync();
        var (accessToken, _) = await client.SignInAsync(email);

        var me = await client.MeAsync(accessToken);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(userId, me.Body.GetProperty("userId").GetString());
        Assert.Equal(email, me.Body.GetProperty("email").GetString());
        Assert.Equal("Test User", me.Body.GetProperty("name").GetString());
        Assert.Equal("customer", me.Body.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_token_made_with_the_real_key_and_right_claims_is_accepted()
    {
        // The forged tokens below differ from this one in one respect each, so their 401s are for that respect.
        using var client = fixture.Client();
        var (_, userId) = await client.NewUserAsync();
        var key = await TokenForge.ActiveKeyAsync(fixture.Server);

        var me = await client.MeAsync(TokenForge.Sign(key, IdentityFixture.Issuer, userId));

        Assert.Equal(HttpStatusCode.OK, me.Status);
    }

    [Fact]
    public async Task Without_a_token_me_answers_401_with_a_bearer_challenge()
    {
        using var client = fixture.Client();

        var me = await client.MeAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, me.Status);
        Assert.Equal("Bearer", me.Response.Headers.WwwAuthenticate.Single().Scheme);
    }

    public static TheoryData<string> BadTokens => ["tampered", "alg-none", "wrong-key", "expired", "wrong-issuer", "wrong-audience", "id-token-type", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Forged_or_expired_tokens_get_401_with_a_bearer_challenge(string kind)
    {
        using var client = fixture.Client();
        var (email, userId) = await client.NewUserAsync();
        var (real, _) = await client.SignInAsync(email);
        var key = await TokenForge.ActiveKeyAsync(fixture.Server);
        var token = kind switch
        {
            "tampered" => TokenForge.Tamper(real, "role", "admin"),
            "alg-none" => TokenForge.Unsigned(real),
            "wrong-key" => TokenForge.Sign(TokenForge.ImpostorKey(key.KeyId), IdentityFixture.Issuer, userId),
            "expired" => TokenForge.Sign(key, IdentityFixture.Issuer, userId, issuedAt: DateTime.UtcNow.AddMinutes(-20), lifetime: TimeSpan.FromMinutes(15)),
            "wrong-issuer" => TokenForge.Sign(key, "http://evil.test", userId),
            "wrong-audience" => TokenForge.Sign(key, IdentityFixture.Issuer, userId, audience: "another-api"),
            "id-token-type" => TokenForge.Sign(key, IdentityFixture.Issuer, userId, type: "JWT"),
            _ => "not.a.jwt",
        };

        var me = await client.MeAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, me.Status);
        Assert.Equal("Bearer", me.Response.Headers.WwwAuthenticate.Single().Scheme);
    }
}
