using System.Text;
using ECommerce.Identity.Api.Clients;
using ECommerce.Identity.Api.Keys;
using ECommerce.Identity.Api.RefreshTokens;
using ECommerce.Identity.Api.Registration;
using ECommerce.Identity.Api.Tokens;
using ECommerce.Identity.Api.Users;
using Microsoft.Extensions.Options;

namespace ECommerce.Identity.Tests;

/// <summary>The decisions without I/O: lockout, refresh-token verdicts, key rotation, validation, client authentication.</summary>
public sealed class DomainTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static User UserWith(int failures, DateTimeOffset? lockedUntil) =>
        new(Guid.NewGuid(), "a@shop.test", "A", "hash", "customer", failures, lockedUntil, Now);

    [Fact]
    public void Lockout_starts_at_the_last_allowed_failure_and_ends_after_its_duration()
    {
        var policy = new LoginPolicy(new AccountLockoutOptions { MaxFailedAttempts = 3, Duration = TimeSpan.FromMinutes(5) });

        Assert.Equal(new LoginState(2, null), policy.AfterFailure(UserWith(1, null), Now));
        var locked = policy.AfterFailure(UserWith(2, null), Now);
        Assert.Equal(new LoginState(0, Now.AddMinutes(5)), locked);
        Assert.True(policy.IsLockedOut(UserWith(0, locked.LockedUntil), Now.AddMinutes(4)));
        Assert.False(policy.IsLockedOut(UserWith(0, locked.LockedUntil), Now.AddMinutes(5)));
        Assert.Equal(new LoginState(1, null), policy.AfterFailure(UserWith(0, locked.LockedUntil), Now.AddMinutes(6)));
        Assert.Equal(new LoginState(0, null), policy.AfterSuccess());
    }

    private static RefreshToken Token(DateTimeOffset? consumed = null, DateTimeOffset? revoked = null, string? client = "storefront",
        TimeSpan? expiresIn = null) =>
        new([1], Guid.NewGuid(), Guid.NewGuid(), client, Now, Now + (expiresIn ?? TimeSpan.FromDays(1)), consumed, revoked);

    [Fact]
    public void Refresh_token_verdicts()
    {
        Assert.Equal(RefreshVerdict.Valid, RefreshTokenPolicy.Evaluate(Token(), null, Now));
        Assert.Equal(RefreshVerdict.Valid, RefreshTokenPolicy.Evaluate(Token(), "storefront", Now));
        Assert.Equal(RefreshVerdict.Unknown, RefreshTokenPolicy.Evaluate(null, null, Now));
        Assert.Equal(RefreshVerdict.Reused, RefreshTokenPolicy.Evaluate(Token(consumed: Now), null, Now));
        Assert.Equal(RefreshVerdict.Revoked, RefreshTokenPolicy.Evaluate(Token(consumed: Now, revoked: Now), null, Now));
        Assert.Equal(RefreshVerdict.Expired, RefreshTokenPolicy.Evaluate(Token(expiresIn: TimeSpan.Zero), null, Now));
        Assert.Equal(RefreshVerdict.WrongClient, RefreshTokenPolicy.Evaluate(Token(), "admin", Now));
        Assert.Equal(RefreshVerdict.WrongClient, RefreshTokenPolicy.Evaluate(Token(client: null), "admin", Now));
    }

    [Fact]
    public void A_retired_key_stays_published_until_every_token_it_may_have_signed_has_expired()
    {
        var policy = new KeyRotationPolicy(
            new SigningKeyOptions { SigningKeyLifetime = TimeSpan.FromDays(30), SigningKeyCacheDuration = TimeSpan.FromSeconds(30) },
            new TokenIssuanceOptions { AccessTokenLifetime = TimeSpan.FromMinutes(15) });
        var active = new SigningKey("a", "RS256", [], Now.AddDays(-29), null);
        var retired = new SigningKey("r", "RS256", [], Now.AddDays(-60), Now);

        Assert.False(policy.NeedsNewKey(active, Now));
        Assert.True(policy.NeedsNewKey(active, Now.AddDays(1)));
        Assert.True(policy.NeedsNewKey(null, Now));
        Assert.True(policy.IsPublished(active, Now.AddYears(1)));
        Assert.True(policy.IsPublished(retired, Now.AddMinutes(16)));
        Assert.False(policy.IsPublished(retired, Now.AddMinutes(16.5) + TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromMinutes(1), policy.CheckInterval);
    }

    [Theory]
    [InlineData("RS256", "RSA")]
    [InlineData("ES256", "EC")]
    public void Generated_keys_have_thumbprint_kids_and_publish_only_public_parameters(string algorithm, string kty)
    {
        var key = SigningKeyFactory.Generate(algorithm, Now);
        var jwk = ECommerce.Identity.Api.Discovery.PublicJwk.From(SigningKeyFactory.Load(key), algorithm);
        var json = System.Text.Json.JsonSerializer.Serialize(jwk);

        Assert.Equal(43, key.Kid.Length);
        Assert.Equal(key.Kid, SigningKeyFactory.Load(key).KeyId);
        Assert.Equal(kty, jwk.Kty);
        Assert.DoesNotContain("\"d\"", json);
        Assert.Contains("\"use\":\"sig\"", json);
    }

    [Fact]
    public void Registration_accepts_a_plain_address_and_trims()
    {
        Assert.Empty(RegistrationValidator.Validate(new RegisterRequest(" ann@shop.test ", "12345678", " Ann ")));
        Assert.Equal(["email", "password", "name"], RegistrationValidator.Validate(new RegisterRequest("", "", "")).Keys);
        Assert.Contains("password", RegistrationValidator.Validate(new RegisterRequest("a@b.test", new string('x', 129), "A")).Keys);
    }

    [Fact]
    public void Basic_client_credentials_are_form_decoded_and_a_second_method_is_refused()
    {
        var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("my%20client:p%3Ass+word"));
        var (credentials, error) = ClientCredentials.Read(new Dictionary<string, string>(), header);
        var (_, twoMethods) = ClientCredentials.Read(new Dictionary<string, string> { ["client_secret"] = "x" }, header);
        var (_, malformed) = ClientCredentials.Read(new Dictionary<string, string>(), "Basic !!!");

        Assert.Null(error);
        Assert.Equal(new ClientCredentials("my client", "p:ss word", true), credentials);
        Assert.Equal("invalid_request", twoMethods!.Error);
        Assert.Equal(401, malformed!.StatusCode);
    }

    [Fact]
    public void Confidential_clients_authenticate_by_secret_or_its_hash_and_public_ones_never()
    {
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("s3cret"u8));
        var registry = new ClientRegistry(Options.Create(new ClientsOptions
        {
            Clients =
            {
                ["by-hash"] = new ClientOptions { SecretHash = hash, Role = "service" },
                ["by-secret"] = new ClientOptions { Secret = "s3cret", Role = "service" },
                ["app"] = new ClientOptions { Public = true },
            },
        }));

        Assert.NotNull(registry.Authenticate("by-hash", "s3cret"));
        Assert.NotNull(registry.Authenticate("by-secret", "s3cret"));
        Assert.Null(registry.Authenticate("by-hash", "S3cret"));
        Assert.Null(registry.Authenticate("app", ""));
        Assert.Null(registry.Authenticate("nobody", "s3cret"));
        Assert.Null(registry.ForUserGrant(new ClientCredentials("app", null, false), "password").Error);
        Assert.Equal("unauthorized_client", registry.ForUserGrant(new ClientCredentials("by-hash", "s3cret", false), "password").Error!.Error);
    }

    [Fact]
    public void A_confidential_client_without_secret_or_role_is_refused_at_start()
    {
        var result = new ClientsOptionsValidator().Validate(null, new ClientsOptions
        {
            Clients = { ["broken"] = new ClientOptions { SecretHash = "not-hex" } },
        });

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
    }
}
