using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace ECommerce.Identity.Api.Users;

/// <summary>Checks an email and password under the lockout policy, in one transaction holding the user's row.</summary>
public sealed class SignInHandler(
    NpgsqlDataSource db, UserStore users, IPasswordHasher<User> hasher, LoginPolicy policy, TimeProvider time)
{
    private static readonly User Nobody = new(Guid.Empty, "", "", "", "", 0, null, DateTimeOffset.MinValue);

    // Verified against when the email is unknown, so that answer takes as long as a wrong password.
    private readonly string _nobodysHash = hasher.HashPassword(Nobody, Guid.NewGuid().ToString());

    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var user = await users.FindByEmailForUpdateAsync(connection, tx, email.Trim(), ct);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
            return SignInResult.InvalidCredentials;
        }

        var now = time.GetUtcNow();
        if (policy.IsLockedOut(user, now)) return SignInResult.LockedOut;

        var verification = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        var succeeded = verification != PasswordVerificationResult.Failed;
        var state = succeeded ? policy.AfterSuccess() : policy.AfterFailure(user, now);
        var rehashed = verification == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password) : null;
        await users.SaveLoginStateAsync(connection, tx, user.Id, state, rehashed, ct);
        await tx.CommitAsync(ct);

        if (succeeded) return SignInResult.Succeeded(user);
        return state.LockedUntil is null ? SignInResult.InvalidCredentials : SignInResult.LockedOut;
    }
}
