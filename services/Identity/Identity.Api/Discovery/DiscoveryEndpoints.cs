using ECommerce.Identity.Api.Clients;
using ECommerce.Identity.Api.Keys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ECommerce.Identity.Api.Discovery;

public static class DiscoveryEndpoints
{
    /// <summary><c>/.well-known/openid-configuration</c> and <c>/.well-known/jwks.json</c>: how others find and check our tokens.</summary>
    public static IEndpointRouteBuilder MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/.well-known").WithTags("Discovery");
        group.MapGet("/openid-configuration", GetConfigurationAsync).WithSummary("OpenID Provider metadata");
        group.MapGet("/jwks.json", GetKeysAsync).WithSummary("The public signing keys");
        return app;
    }

    private static async Task<Ok<OpenIdConfiguration>> GetConfigurationAsync(
        HttpRequest request, IssuerResolver issuers, SigningKeyRing ring, IOptions<SigningKeyOptions> keyOptions,
        IOptions<ClientsOptions> clients, CancellationToken ct)
    {
        var issuer = issuers.For(request);
        var algorithms = (await ring.PublishedAsync(ct)).Select(k => k.Key.Algorithm)
            .Append(keyOptions.Value.SigningAlgorithm).Distinct().Order().ToList();
        var scopes = clients.Value.Clients.Values.SelectMany(c => (c.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct().Order().ToList();
        return TypedResults.Ok(new OpenIdConfiguration(issuer, $"{issuer}/.well-known/jwks.json", $"{issuer}/api/auth/token",
            $"{issuer}/api/auth/revoke", algorithms, scopes));
    }

    private static async Task<Ok<JsonWebKeySetDocument>> GetKeysAsync(SigningKeyRing ring, CancellationToken ct)
    {
        var keys = await ring.PublishedAsync(ct);
        return TypedResults.Ok(new JsonWebKeySetDocument(keys.Select(k => PublicJwk.From(k.Material, k.Key.Algorithm)).ToList()));
    }
}
