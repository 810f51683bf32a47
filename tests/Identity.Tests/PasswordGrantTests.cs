using System.Net;
using System.Net.Http.Headers;

namespace ECommerce.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class PasswordGrantTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Password_grant_issues_a_signed_jwt_with_the_users_claims_and_a_refresh_token()
    {
        using var client = fixture.Client();
        var (email, userId) = await client.NewUserAsync();

        var answer = await client.PasswordAsync(email.ToUpperInvariant(), "correct horse");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("no-store", answer.Response.Headers.CacheControl?.ToString());
        Assert.Equal("Bearer", answer.Body.GetProperty("token_type").GetString());
        Assert.Equal(900, answer.Body.GetProperty("expires_in").GetInt32());
        Assert.True(answer.Body.GetProperty("refresh_token").GetString()!.Length >= 43);

        var accessToken = answer.Body.GetProperty("access_token").GetString()!;
        var validation = await Jwks.ValidateAsync(client, accessToken, IdentityFixture.Issuer);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var jwt = TokenForge.Read(accessToken);
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.Equal("RS256", jwt.Alg);
        Assert.Contains(jwt.Kid, (await Jwks.FetchAsync(client)).Keys.Select(k => k.Kid));
        Assert.Equal(userId, jwt.Subject);
        Assert.Equal(email, jwt.GetClaim("email").Value);
        Assert.Equal("Test User", jwt.GetClaim("name").Value);
        Assert.Equal("customer", jwt.GetClaim("role").Value);
        Assert.Equal(IdentityFixture.Issuer, jwt.Issuer);
        Assert.Equal(["ecommerce-api"], jwt.Audiences);
        Assert.False(string.IsNullOrEmpty(jwt.Id));
        Assert.Equal(TimeSpan.FromMinutes(15), jwt.ValidTo - jwt.IssuedAt);
        Assert.False(jwt.TryGetClaim("client_id", out _));
    }

    [Fact]
    public async Task Password_grant_through_a_first_party_client_names_it_in_the_token()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();

        var (accessToken, _) = await client.SignInAsync(email, clientId: "storefront");

        Assert.Equal("storefront", TokenForge.Read(accessToken).GetClaim("client_id").Value);
    }

    [Fact]
    public async Task Seeded_administrator_signs_in_with_the_configured_password_and_has_the_admin_role()
    {
        using var client = fixture.Client();

        var (accessToken, _) = await client.SignInAsync(IdentityServer.AdminEmail, IdentityServer.AdminPassword, "admin");

        Assert.Equal("admin", TokenForge.Read(accessToken).GetClaim("role").Value);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_invalid_grant()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();

        var wrongPassword = await client.PasswordAsync(email, "not the password");
        var unknownUser = await client.PasswordAsync(AuthClient.NewEmail("nobody"), "not the password");

        foreach (var answer in new[] { wrongPassword, unknownUser })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Equal("application/json", answer.ContentType);
            Assert.Equal("invalid_grant", answer.Error);
            Assert.Equal("no-store", answer.Response.Headers.CacheControl?.ToString());
        }
        Assert.Equal(wrongPassword.Body.GetProperty("error_description").GetString(), unknownUser.Body.GetProperty("error_description").GetString());
        Assert.Equal(1, await fixture.Server.ScalarAsync<int>("SELECT failed_logins FROM users WHERE email = $1", email));
    }

    [Fact]
    public async Task Unknown_client_id_gets_invalid_client()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();

        var answer = await client.PasswordAsync(email, "correct horse", clientId: "evil-app");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_client", answer.Error);
    }

    [Fact]
    public async Task A_machine_client_may_not_use_the_password_grant()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();

        var answer = await client.TokenAsync([("grant_type", "password"), ("username", email), ("password", "correct horse")],
            AuthClient.Basic("order-service", IdentityServer.OrderServiceSecret));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("unauthorized_client", answer.Error);
    }

    [Fact]
    public async Task Malformed_token_requests_get_oauth_errors()
    {
        using var client = fixture.Client();

        var json = await client.Http.PostAsync("/api/auth/token",
            new StringContent("""{"grant_type":"password"}""", System.Text.Encoding.UTF8, "application/json"));
        var noGrant = await client.TokenAsync(("username", "a@b.test"));
        var unknownGrant = await client.TokenAsync(("grant_type", "authorization_code"), ("code", "x"));
        var missingPassword = await client.TokenAsync(("grant_type", "password"), ("username", "a@b.test"));
        var twice = await client.TokenAsync(("grant_type", "password"), ("grant_type", "password"));

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("invalid_request", (await AuthClient.Answer.ReadAsync(json)).Error);
        Assert.Equal("invalid_request", noGrant.Error);
        Assert.Equal("unsupported_grant_type", unknownGrant.Error);
        Assert.Equal("invalid_request", missingPassword.Error);
        Assert.Contains("password", missingPassword.Body.GetProperty("error_description").GetString());
        Assert.Equal("invalid_request", twice.Error);
        Assert.All(new[] { noGrant, unknownGrant, missingPassword, twice }, a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
    }

    [Fact]
    public async Task Token_endpoint_only_accepts_post()
    {
        using var client = fixture.Client();

        var answer = await client.GetAsync("/api/auth/token");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
    }

    [Fact]
    public async Task A_public_client_presenting_a_secret_is_refused()
    {
        using var client = fixture.Client();
        var (email, _) = await client.NewUserAsync();

        var answer = await client.TokenAsync([("grant_type", "password"), ("username", email), ("password", "correct horse")],
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String("storefront:guess"u8.ToArray())));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("invalid_client", answer.Error);
        Assert.StartsWith("Basic", answer.Response.Headers.WwwAuthenticate.ToString());
    }
}
