using System.Net;

namespace ECommerce.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class ClientCredentialsTests(IdentityFixture fixture)
{
    [Fact]
    public async Task A_machine_client_gets_a_token_of_its_own_role_and_scopes_without_a_refresh_token()
    {
        using var client = fixture.Client();

        var answer = await client.ClientCredentialsAsync("order-service", IdentityServer.OrderServiceSecret);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Body.TryGetProperty("refresh_token", out _));
        Assert.Equal("inventory payments", answer.Body.GetProperty("scope").GetString());
        var token = answer.Body.GetProperty("access_token").GetString()!;
        Assert.True((await Jwks.ValidateAsync(client, token, IdentityFixture.Issuer)).IsValid);
        var jwt = TokenForge.Read(token);
        Assert.Equal("order-service", jwt.Subject);
        Assert.Equal("order-service", jwt.GetClaim("client_id").Value);
        Assert.Equal("service", jwt.GetClaim("role").Value);
        Assert.Equal("inventory payments", jwt.GetClaim("scope").Value);
        Assert.False(jwt.TryGetClaim("email", out _));
    }

    [Fact]
    public async Task Client_secret_basic_works_and_a_narrower_scope_can_be_asked_for()
    {
        using var client = fixture.Client();

        var answer = await client.TokenAsync([("grant_type", "client_credentials"), ("scope", "products.read")],
            AuthClient.Basic("partner", IdentityServer.PartnerSecret));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var jwt = TokenForge.Read(answer.Body.GetProperty("access_token").GetString()!);
        Assert.Equal("partner", jwt.GetClaim("role").Value);
        Assert.Equal("products.read", jwt.GetClaim("scope").Value);
    }

    [Fact]
    public async Task A_wrong_secret_in_the_form_gets_400_invalid_client()
    {
        using var client = fixture.Client();

        var answer = await client.ClientCredentialsAsync("order-service", "guess");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_client", answer.Error);
        Assert.False(answer.Body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_wrong_secret_in_the_authorization_header_gets_401_with_a_basic_challenge()
    {
        using var client = fixture.Client();

        var answer = await client.TokenAsync([("grant_type", "client_credentials")], AuthClient.Basic("order-service", "guess"));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("invalid_client", answer.Error);
        Assert.StartsWith("Basic realm=", answer.Response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("nobody", "secret")]
    [InlineData("storefront", "anything")]
    public async Task Unknown_and_public_clients_cannot_use_client_credentials(string clientId, string secret)
    {
        using var client = fixture.Client();

        var answer = await client.ClientCredentialsAsync(clientId, secret);

        Assert.Equal("invalid_client", answer.Error);
    }

    [Fact]
    public async Task A_scope_the_client_does_not_have_is_refused()
    {
        using var client = fixture.Client();

        var answer = await client.ClientCredentialsAsync("partner", IdentityServer.PartnerSecret, scope: "products.read payments");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_scope", answer.Error);
    }

    [Fact]
    public async Task A_machine_token_has_no_user_behind_it()
    {
        using var client = fixture.Client();
        var token = (await client.ClientCredentialsAsync("order-service", IdentityServer.OrderServiceSecret))
            .Body.GetProperty("access_token").GetString();

        var me = await client.MeAsync(token);

        Assert.Equal(HttpStatusCode.NotFound, me.Status);
    }
}
