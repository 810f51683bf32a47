using ECommerce.Identity.Api.Users;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Identity.Api.Registration;

public static class RegisterEndpoint
{
    /// <summary><c>POST /api/auth/register</c>: a new customer account.</summary>
    public static RouteGroupBuilder MapRegisterEndpoint(this RouteGroupBuilder group)
    {
        group.MapPost("/register", RegisterAsync).WithSummary("Create a customer account");
        return group;
    }

    private static async Task<Results<Created<RegisterResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, UserStore users, IPasswordHasher<User> hasher, TimeProvider time, CancellationToken ct)
    {
        var errors = RegistrationValidator.Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var user = new User(Guid.CreateVersion7(), request.Email!.Trim(), request.Name!.Trim(), "", Roles.Customer, 0, null, time.GetUtcNow());
        user = user with { PasswordHash = hasher.HashPassword(user, request.Password!) };
        if (!await users.TryCreateAsync(user, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Email already registered",
                detail: "An account with this email already exists.");
        return TypedResults.Created((string?)null, new RegisterResponse(user.Id.ToString()));
    }
}
