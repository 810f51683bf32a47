using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Identity.Api.Users;

public static class MeEndpoint
{
    /// <summary><c>GET /api/auth/me</c>: the signed-in user as stored now (a bearer token is required).</summary>
    public static RouteGroupBuilder MapMeEndpoint(this RouteGroupBuilder group)
    {
        group.MapGet("/me", GetAsync).RequireAuthorization().WithSummary("The signed-in user");
        return group;
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetAsync(
        HttpContext http, UserStore users, CancellationToken ct)
    {
        // A machine client's token has its client_id as subject: there is no user behind it.
        var user = Guid.TryParse(http.User.FindFirst(Claims.Subject)?.Value, out var id) ? await users.FindByIdAsync(id, ct) : null;
        return user is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No user behind this token",
                detail: "The token's subject is not a user account (a machine client, or a deleted user).")
            : TypedResults.Ok(new MeResponse(user.Id.ToString(), user.Email, user.Name, user.Role));
    }
}
