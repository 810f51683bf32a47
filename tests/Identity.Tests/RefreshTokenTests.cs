using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ECommerce.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class RefreshTokenTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Each_refresh_returns_a_new_refresh_token_and_spends_the_old_one()
    {
        using var client = fixture.Client();
        var (email, userId) = await client.NewUserAsync();
        var (_, first) = await client.SignInAsync(email, clientId: "storefront");

        var refreshed = await client.RefreshAsync(first, "storefront");

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal("no-store", refreshed.Response.Headers.CacheControl?.ToString());
        var second = refreshed.Body.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(first, second);
        var jwt = TokenForge.Read(refreshed.Body.GetProperty("access_token").GetString()!);
        Assert.Equal(userId, jwt.Subject);
        Assert.Equal("storefront", jwt.GetClaim("client_id").Value);
        Assert.NotNull(await fixture.Server.ScalarAsync<DateTime?>("SELECT consumed_at FROM refresh_tokens WHERE token_hash = $1", Hash(first)));
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync(second)).Status);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_the_whole_family_including_the_newest()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();
        var (_, first) = await client.SignInAsync(email);
        var second = (await client.RefreshAsync(first)).Body.GetProperty("refresh_token").GetString()!;
        var third = (await client.RefreshAsync(second)).Body.GetProperty("refresh_token").GetString()!;

        var replay = await client.RefreshAsync(first);
        var newest = await client.RefreshAsync(third);

        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal("invalid_grant", replay.Error);
        Assert.Contains("already used", replay.Body.GetProperty("error_description").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, newest.Status);
        Assert.Equal("invalid_grant", newest.Error);
        var family = await fixture.Server.ScalarAsync<Guid>("SELECT family_id FROM refresh_tokens WHERE token_hash = $1", Hash(first));
        Assert.Equal(0L, await fixture.Server.ScalarAsync<long>(
            "SELECT count(*) FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL", family));
        Assert.Equal(3L, await fixture.Server.ScalarAsync<long>("SELECT count(*) FROM refresh_tokens WHERE family_id = $1", family));
    }

    [Fact]
    public async Task Concurrent_uses_of_one_refresh_token_yield_exactly_one_success()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();
        for (var round = 0; round < 3; round++)
        {
            var (_, token) = await client.SignInAsync(email);
            using var start = new SemaphoreSlim(0);
            var racers = Enumerable.Range(0, 10).Select(async _ =>
            {
                await start.WaitAsync();
                return await client.RefreshAsync(token);
            }).ToList();
            start.Release(racers.Count);

            var answers = await Task.WhenAll(racers);

            Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
            Assert.Equal(9, answers.Count(a => a.Error == "invalid_grant"));
        }
    }

    [Fact]
    public async Task Refresh_tokens_are_stored_only_as_hashes()
    {
        using var client = fixture.Client();
        var (email, userId) = await client.NewUserAsync();
        var (_, token) = await client.SignInAsync(email);

        Assert.Equal(1L, await fixture.Server.ScalarAsync<long>(
            "SELECT count(*) FROM refresh_tokens WHERE token_hash = $1 AND user_id = $2", Hash(token), Guid.Parse(userId)));
        Assert.Equal(0L, await fixture.Server.ScalarAsync<long>(
            "SELECT count(*) FROM refresh_tokens WHERE token_hash = convert_to($1, 'UTF8')", token));
        Assert.True(Convert.FromBase64String(Pad(token)).Length >= 32);
    }

    [Fact]
    public async Task An_expired_refresh_token_is_refused()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();
        var (_, token) = await client.SignInAsync(email);
        Assert.Equal(1, await fixture.Server.ExecuteAsync(
            "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1", Hash(token)));

        var answer = await client.RefreshAsync(token);

        Assert.Equal("invalid_grant", answer.Error);
        Assert.Contains("expired", answer.Body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task A_refresh_token_only_works_for_the_client_it_was_issued_to()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();
        var (_, token) = await client.SignInAsync(email, clientId: "storefront");

        var otherClient = await client.RefreshAsync(token, "admin");
        var unknownClient = await client.RefreshAsync(token, "evil-app");

        Assert.Equal("invalid_grant", otherClient.Error);
        Assert.Equal("invalid_client", unknownClient.Error);
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync(token, "storefront")).Status);
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_refused()
    {
        using var client = fixture.Client();

        var answer = await client.RefreshAsync("made-up-token");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_grant", answer.Error);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }
}
