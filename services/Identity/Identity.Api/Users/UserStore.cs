using Npgsql;

namespace ECommerce.Identity.Api.Users;

/// <summary>The users table. Emails are matched regardless of case (the unique index is on lower(email)).</summary>
public sealed class UserStore(NpgsqlDataSource db)
{
    private const string Columns = "id, email, name, password_hash, role, failed_logins, locked_until, created_at";

    /// <summary>False when the email is taken (in any case).</summary>
    public async Task<bool> TryCreateAsync(User user, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO users (id, email, name, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT ((lower(email))) DO NOTHING
            """);
        cmd.Parameters.AddWithValue(user.Id);
        cmd.Parameters.AddWithValue(user.Email);
        cmd.Parameters.AddWithValue(user.Name);
        cmd.Parameters.AddWithValue(user.PasswordHash);
        cmd.Parameters.AddWithValue(user.Role);
        cmd.Parameters.AddWithValue(user.CreatedAt);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<User?> FindByIdAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns} FROM users WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        return await ReadOneAsync(cmd, ct);
    }

    public async Task<bool> ExistsAsync(string email, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT 1 FROM users WHERE lower(email) = lower($1)");
        cmd.Parameters.AddWithValue(email);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>The user, row-locked until <paramref name="tx"/> ends, so attempts on one account take turns.</summary>
    public async Task<User?> FindByEmailForUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string email, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {Columns} FROM users WHERE lower(email) = lower($1) FOR UPDATE", connection, tx);
        cmd.Parameters.AddWithValue(email);
        return await ReadOneAsync(cmd, ct);
    }

    public async Task SaveLoginStateAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, LoginState state, string? newPasswordHash, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            UPDATE users SET failed_logins = $2, locked_until = $3, password_hash = coalesce($4, password_hash) WHERE id = $1
            """, connection, tx);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(state.FailedLogins);
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = state.LockedUntil });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = newPasswordHash });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<User?> ReadOneAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new User(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            reader.GetFieldValue<DateTimeOffset>(7));
    }
}
