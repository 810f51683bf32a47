namespace ECommerce.Identity.Api.Users;

/// <summary>
/// Lockout: <see cref="AccountLockoutOptions.MaxFailedAttempts"/> failures in a row lock the account for
/// <see cref="AccountLockoutOptions.Duration"/>; a success clears the count. While locked, the password is not checked at all,
/// so the answer says nothing about whether it was right.
/// </summary>
public sealed class LoginPolicy(AccountLockoutOptions options)
{
    public bool IsLockedOut(User user, DateTimeOffset now) => user.LockedUntil > now;

    public LoginState AfterSuccess() => new(0, null);

    public LoginState AfterFailure(User user, DateTimeOffset now)
    {
        var failures = user.FailedLogins + 1;
        // The count starts again after a lockout, so the first failure after it does not lock at once.
        return failures >= options.MaxFailedAttempts ? new LoginState(0, now + options.Duration) : new LoginState(failures, null);
    }
}
