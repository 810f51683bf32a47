using ECommerce.Identity.Api.Tokens;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Identity.Api.RefreshTokens;

/// <summary>Issues, rotates and revokes refresh tokens. Rotation holds the presented token's row lock, so of two
/// concurrent uses of one token the second sees it consumed and is treated as reuse.</summary>
public sealed class RefreshTokenStore(NpgsqlDataSource db, IOptions<TokenIssuanceOptions> options, TimeProvider time)
{
    private const string Columns = "token_hash, family_id, user_id, client_id, created_at, expires_at, consumed_at, revoked_at";

    /// <summary>The first token of a new family (a sign-in).</summary>
    public async Task<string> IssueAsync(Guid userId, string? clientId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await InsertAsync(connection, null, Guid.CreateVersion7(), userId, clientId, ct);
    }

    public async Task<RefreshRedemption> RedeemAsync(string token, string? clientId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var stored = await FindForUpdateAsync(connection, tx, RefreshTokenValue.Hash(token), ct);
        var now = time.GetUtcNow();
        var verdict = RefreshTokenPolicy.Evaluate(stored, clientId, now);
        if (verdict == RefreshVerdict.Reused)
        {
            await RevokeFamilyAsync(connection, tx, stored!.FamilyId, now, ct);
            await tx.CommitAsync(ct);
        }
        if (verdict != RefreshVerdict.Valid) return new RefreshRedemption(verdict);

        await using (var consume = new NpgsqlCommand("UPDATE refresh_tokens SET consumed_at = $2 WHERE token_hash = $1", connection, tx))
        {
            consume.Parameters.AddWithValue(stored!.TokenHash);
            consume.Parameters.AddWithValue(now);
            await consume.ExecuteNonQueryAsync(ct);
        }
        var next = await InsertAsync(connection, tx, stored.FamilyId, stored.UserId, stored.ClientId, ct);
        await tx.CommitAsync(ct);
        return new RefreshRedemption(RefreshVerdict.Valid, next, stored.UserId, stored.ClientId);
    }

    /// <summary>Revokes the family of <paramref name="token"/>; false when no such token exists.</summary>
    public async Task<bool> RevokeAsync(string token, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE refresh_tokens SET revoked_at = $2
            WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL
            """);
        cmd.Parameters.AddWithValue(RefreshTokenValue.Hash(token));
        cmd.Parameters.AddWithValue(time.GetUtcNow());
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    private async Task<string> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, Guid familyId, Guid userId, string? clientId, CancellationToken ct)
    {
        var token = RefreshTokenValue.New();
        var now = time.GetUtcNow();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO refresh_tokens (token_hash, family_id, user_id, client_id, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, connection, tx);
        cmd.Parameters.AddWithValue(RefreshTokenValue.Hash(token));
        cmd.Parameters.AddWithValue(familyId);
        cmd.Parameters.AddWithValue(userId);
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = clientId });
        cmd.Parameters.AddWithValue(now);
        cmd.Parameters.AddWithValue(now + options.Value.RefreshTokenLifetime);
        await cmd.ExecuteNonQueryAsync(ct);
        return token;
    }

    private static async Task RevokeFamilyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid familyId, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL", connection, tx);
        cmd.Parameters.AddWithValue(familyId);
        cmd.Parameters.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<RefreshToken?> FindForUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction tx, byte[] hash, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {Columns} FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE", connection, tx);
        cmd.Parameters.AddWithValue(hash);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new RefreshToken(reader.GetFieldValue<byte[]>(0), reader.GetGuid(1), reader.GetGuid(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7));
    }
}
