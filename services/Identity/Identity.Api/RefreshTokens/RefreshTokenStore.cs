using Dapper;
using ECommerce.Identity.Api.Tokens;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Identity.Api.RefreshTokens;

/// <summary>Issues, rotates and revokes refresh tokens. Rotation holds the presented token's row lock, so of two
/// concurrent uses of one token the second sees it consumed and is treated as reuse.</summary>
public sealed class RefreshTokenStore(NpgsqlDataSource db, IOptions<TokenIssuanceOptions> options, TimeProvider time)
{
    private const string Columns = """
        token_hash AS TokenHash, family_id AS FamilyId, user_id AS UserId, client_id AS ClientId, created_at AS CreatedAt,
        expires_at AS ExpiresAt, consumed_at AS ConsumedAt, revoked_at AS RevokedAt
        """;

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
        var stored = await connection.QuerySingleOrDefaultAsync<RefreshToken?>(new CommandDefinition(
            $"SELECT {Columns} FROM refresh_tokens WHERE token_hash = @hash FOR UPDATE",
            new { hash = RefreshTokenValue.Hash(token) }, tx, cancellationToken: ct));
        var now = time.GetUtcNow();
        var verdict = RefreshTokenPolicy.Evaluate(stored, clientId, now);
        if (verdict == RefreshVerdict.Reused)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE refresh_tokens SET revoked_at = @now WHERE family_id = @familyId AND revoked_at IS NULL",
                new { familyId = stored!.FamilyId, now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        if (verdict != RefreshVerdict.Valid) return new RefreshRedemption(verdict);

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE refresh_tokens SET consumed_at = @now WHERE token_hash = @hash", new { hash = stored!.TokenHash, now }, tx, cancellationToken: ct));
        var next = await InsertAsync(connection, tx, stored.FamilyId, stored.UserId, stored.ClientId, ct);
        await tx.CommitAsync(ct);
        return new RefreshRedemption(RefreshVerdict.Valid, next, stored.UserId, stored.ClientId);
    }

    /// <summary>Revokes the family of <paramref name="token"/>; false when no such token exists.</summary>
    public async Task<bool> RevokeAsync(string token, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE refresh_tokens SET revoked_at = @now
            WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = @hash) AND revoked_at IS NULL
            """, new { hash = RefreshTokenValue.Hash(token), now = time.GetUtcNow() }, cancellationToken: ct)) > 0;
    }

    private async Task<string> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, Guid familyId, Guid userId, string? clientId, CancellationToken ct)
    {
        var token = RefreshTokenValue.New();
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO refresh_tokens (token_hash, family_id, user_id, client_id, created_at, expires_at)
            VALUES (@hash, @familyId, @userId, @clientId, @now, @expiresAt)
            """,
            new { hash = RefreshTokenValue.Hash(token), familyId, userId, clientId, now, expiresAt = now + options.Value.RefreshTokenLifetime },
            tx, cancellationToken: ct));
        return token;
    }
}
