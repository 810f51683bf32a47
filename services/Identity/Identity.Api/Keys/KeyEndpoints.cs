using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Identity.Api.Keys;

public static class KeyEndpoints
{
    /// <summary><c>POST /api/auth/keys/rotate</c> (admin): a new key signs from now on; the old one stays published until its tokens expire.</summary>
    public static RouteGroupBuilder MapKeyEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/keys/rotate", RotateAsync)
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Rotate the access-token signing key");
        return group;
    }

    private static async Task<Ok<KeyRotation>> RotateAsync(SigningKeyRing ring, CancellationToken ct) =>
        TypedResults.Ok(await ring.RotateAsync(ct));
}
