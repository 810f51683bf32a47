using System.Net;

namespace ECommerce.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class KeyRotationTests(IdentityFixture fixture)
{
    [Fact]
    public async Task After_rotation_new_tokens_use_the_new_key_and_old_tokens_still_validate()
    {
        using var client = fixture.Client();
        var (admin, _) = await client.SignInAsync(IdentityServer.AdminEmail, IdentityServer.AdminPassword);
        var (email, _) = await client.NewUserAsync();
        var (before, _) = await client.SignInAsync(email);
        var oldKid = TokenForge.Read(before).Kid;

        var rotation = await client.RotateKeysAsync(admin);

        Assert.Equal(HttpStatusCode.OK, rotation.Status);
        var newKid = rotation.Body.GetProperty("activeKid").GetString()!;
        Assert.Equal(oldKid, rotation.Body.GetProperty("retiredKid").GetString());
        Assert.NotEqual(oldKid, newKid);

        var (after, _) = await client.SignInAsync(email);
        Assert.Equal(newKid, TokenForge.Read(after).Kid);
        Assert.Equal(HttpStatusCode.OK, (await client.MeAsync(before)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.MeAsync(after)).Status);
        Assert.True((await Jwks.ValidateAsync(client, before, IdentityFixture.Issuer)).IsValid);
        Assert.True((await Jwks.ValidateAsync(client, after, IdentityFixture.Issuer)).IsValid);
        var published = (await Jwks.FetchAsync(client)).Keys.Select(k => k.Kid).ToList();
        Assert.Contains(oldKid, published);
        Assert.Contains(newKid, published);
        Assert.NotNull(await fixture.Server.ScalarAsync<DateTime?>("SELECT retired_at FROM signing_keys WHERE kid = $1", oldKid));
        Assert.Equal(1L, await fixture.Server.ScalarAsync<long>("SELECT count(*) FROM signing_keys WHERE retired_at IS NULL"));
    }

    [Fact]
    public async Task Only_an_admin_may_rotate_keys()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();
        var (customer, _) = await client.SignInAsync(email);
        var machine = (await client.ClientCredentialsAsync("order-service", IdentityServer.OrderServiceSecret))
            .Body.GetProperty("access_token").GetString();
        var kidBefore = TokenForge.Read(customer).Kid;

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RotateKeysAsync(null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.RotateKeysAsync(customer)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.RotateKeysAsync(machine)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RotateKeysAsync(TokenForge.Tamper(customer, "role", "admin"))).Status);
        Assert.Equal(kidBefore, await fixture.Server.ScalarAsync<string>("SELECT kid FROM signing_keys WHERE retired_at IS NULL"));
    }
}
