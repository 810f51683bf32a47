using System.Net;

namespace ECommerce.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class RevokeTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Revoking_a_refresh_token_revokes_its_family()
    {
        using var client = fixture.Client();
        var (email, userId) = await client.NewUserAsync();
        var (_, first) = await client.SignInAsync(email);
        var second = (await client.RefreshAsync(first)).Body.GetProperty("refresh_token").GetString()!;

        var revoke = await client.RevokeAsync(second);
        var refresh = await client.RefreshAsync(second);

        Assert.Equal(HttpStatusCode.OK, revoke.Status);
        Assert.Equal("invalid_grant", refresh.Error);
        Assert.Contains("revoked", refresh.Body.GetProperty("error_description").GetString());
        Assert.Equal(0L, await fixture.Server.ScalarAsync<long>(
            "SELECT count(*) FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL", Guid.Parse(userId)));
    }

    [Fact]
    public async Task Revoking_leaves_the_users_other_sign_ins_alone()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();
        var (_, phone) = await client.SignInAsync(email);
        var (_, laptop) = await client.SignInAsync(email);

        await client.RevokeAsync(phone);

        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync(laptop)).Status);
    }

    [Fact]
    public async Task Revoking_an_unknown_token_or_an_access_token_still_answers_200()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();
        var (accessToken, _) = await client.SignInAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await client.RevokeAsync("never-issued")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.RevokeAsync(accessToken)).Status);
    }

    [Fact]
    public async Task Revoke_without_a_token_or_without_a_form_is_invalid_request()
    {
        using var client = fixture.Client();

        var noToken = await AuthClient.Answer.ReadAsync(await client.Http.PostAsync("/api/auth/revoke", new FormUrlEncodedContent([])));
        var json = await AuthClient.Answer.ReadAsync(await client.Http.PostAsync("/api/auth/revoke",
            new StringContent("""{"token":"x"}""", System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Equal("invalid_request", noToken.Error);
        Assert.Equal(HttpStatusCode.BadRequest, json.Status);
        Assert.Equal("invalid_request", json.Error);
    }
}
