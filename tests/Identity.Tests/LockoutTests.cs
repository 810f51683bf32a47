using System.Net;

namespace ECommerce.Identity.Tests;

/// <summary>The collection's service locks an account after <see cref="IdentityFixture.MaxFailedAttempts"/> failures.</summary>
[Collection(IdentityCollection.Name)]
public sealed class LockoutTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Repeated_failures_lock_the_account_and_even_the_right_password_is_refused_while_locked()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();

        var failures = new List<AuthClient.Answer>();
        for (var i = 0; i < IdentityFixture.MaxFailedAttempts; i++) failures.Add(await client.PasswordAsync(email, $"wrong {i}"));
        var rightPassword = await client.PasswordAsync(email, "correct horse");

        Assert.All(failures, f => Assert.Equal("invalid_grant", f.Error));
        Assert.DoesNotContain("locked", failures[0].Body.GetProperty("error_description").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, rightPassword.Status);
        Assert.Equal("invalid_grant", rightPassword.Error);
        Assert.Contains("locked", rightPassword.Body.GetProperty("error_description").GetString());
        var lockedUntil = await fixture.Server.ScalarAsync<DateTime>("SELECT locked_until FROM users WHERE email = $1", email);
        Assert.InRange(lockedUntil - DateTime.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_locked_account_answers_the_same_whether_the_password_is_right_or_wrong()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();
        for (var i = 0; i < IdentityFixture.MaxFailedAttempts; i++) await client.PasswordAsync(email, "wrong");

        var right = await client.PasswordAsync(email, "correct horse");
        var wrong = await client.PasswordAsync(email, "wrong again");

        Assert.Equal(right.Text, wrong.Text);
        Assert.Equal(right.Status, wrong.Status);
    }

    [Fact]
    public async Task A_successful_sign_in_clears_the_failure_count()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();

        for (var i = 0; i < IdentityFixture.MaxFailedAttempts - 1; i++) await client.PasswordAsync(email, "wrong");
        await client.SignInAsync(email);
        for (var i = 0; i < IdentityFixture.MaxFailedAttempts - 1; i++) await client.PasswordAsync(email, "wrong");

        await client.SignInAsync(email);
        Assert.Equal(0, await fixture.Server.ScalarAsync<int>("SELECT failed_logins FROM users WHERE email = $1", email));
    }

    [Fact]
    public async Task Concurrent_failures_are_all_counted()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();

        await Task.WhenAll(Enumerable.Range(0, IdentityFixture.MaxFailedAttempts).Select(i => client.PasswordAsync(email, $"wrong {i}")));

        var rightPassword = await client.PasswordAsync(email, "correct horse");
        Assert.Contains("locked", rightPassword.Body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Locking_one_account_leaves_others_alone()
    {
        using var client = fixture.Client();
        var (locked, _) = await client.NewUserAsync();
        var (other, _) = await client.NewUserAsync();

        for (var i = 0; i < IdentityFixture.MaxFailedAttempts; i++) await client.PasswordAsync(locked, "wrong");

        await client.SignInAsync(other);
    }
}
