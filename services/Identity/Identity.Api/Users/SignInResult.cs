namespace ECommerce.Identity.Api.Users;

/// <summary>The outcome of checking an email and password; the user only when it succeeded.</summary>
public sealed record SignInResult(SignInStatus Status, User? User)
{
    public static readonly SignInResult InvalidCredentials = new(SignInStatus.InvalidCredentials, null);
    public static readonly SignInResult LockedOut = new(SignInStatus.LockedOut, null);

    public static SignInResult Succeeded(User user) => new(SignInStatus.Succeeded, user);
}
