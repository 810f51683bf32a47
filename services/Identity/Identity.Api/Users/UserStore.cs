using Dapper;
using Npgsql;

namespace ECommerce.Identity.Api.Users;

/// <summary>The users table. Emails are matched regardless of case (the unique index is on lower(email)).</summary>
public sealed class UserStore(NpgsqlDataSource db)
{
    private const string Columns = """
        id AS Id, email AS Email, name AS Name, password_hash AS PasswordHash, role AS Role, failed_logins AS FailedLogins,
        locked_until AS LockedUntil, created_at AS CreatedAt
        """;

    /// <summary>False when the email is taken (in any case).</summary>
    public async Task<bool> TryCreateAsync(User user, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO users (id, email, name, password_hash, role, created_at)
            VALUES (@Id, @Email, @Name, @PasswordHash, @Role, @CreatedAt)
            ON CONFLICT ((lower(email))) DO NOTHING
            """, user, cancellationToken: ct)) == 1;
    }

    public async Task<User?> FindByIdAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<User?>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<bool> ExistsAsync(string email, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(@email))", new { email }, cancellationToken: ct));
    }

    /// <summary>The user, row-locked until <paramref name="tx"/> ends, so attempts on one account take turns.</summary>
    public Task<User?> FindByEmailForUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string email, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<User?>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE lower(email) = lower(@email) FOR UPDATE", new { email }, tx, cancellationToken: ct));

    public Task SaveLoginStateAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, LoginState state, string? newPasswordHash, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET failed_logins = @failedLogins, locked_until = @lockedUntil,
                password_hash = coalesce(@newPasswordHash, password_hash)
            WHERE id = @id
            """, new { id, failedLogins = state.FailedLogins, lockedUntil = state.LockedUntil, newPasswordHash }, tx, cancellationToken: ct));
}
