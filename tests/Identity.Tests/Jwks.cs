using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Identity.Tests;

/// <summary>Checks a token the way another service would: only with what the public JWKS says.</summary>
internal static class Jwks
{
    public static async Task<JsonWebKeySet> FetchAsync(AuthClient client)
    {
        var answer = await client.GetAsync("/.well-known/jwks.json");
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
        return new JsonWebKeySet(answer.Text);
    }

    public static async Task<TokenValidationResult> ValidateAsync(AuthClient client, string token, string issuer)
    {
        var jwks = await FetchAsync(client);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = "ecommerce-api",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = ["RS256", "ES256"],
        });
    }
}
