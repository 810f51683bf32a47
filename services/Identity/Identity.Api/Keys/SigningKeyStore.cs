using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Identity.Api.Keys;

/// <summary>Signing keys in the database, the one place every instance reads them from.</summary>
public sealed class SigningKeyStore(
    NpgsqlDataSource db, KeyRotationPolicy policy, IOptions<SigningKeyOptions> options, TimeProvider time)
{
    private const string SelectAll = """
        SELECT kid AS Kid, algorithm AS Algorithm, private_key AS PrivateKey, created_at AS CreatedAt, retired_at AS RetiredAt
        FROM signing_keys ORDER BY created_at DESC
        """;

    public async Task<IReadOnlyList<SigningKey>> LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<SigningKey>(new CommandDefinition(SelectAll, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Puts a new key in charge when <paramref name="force"/>d or when the active one is missing or too old, retires the
    /// previous one and deletes keys no longer published. Instances take turns on an advisory lock, so a key that two
    /// instances find due at the same moment is replaced once. Returns null when nothing was due.
    /// </summary>
    public async Task<KeyRotation?> RotateAsync(bool force, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext('identity.signing_keys'))", transaction: tx, cancellationToken: ct));

        var keys = (await connection.QueryAsync<SigningKey>(new CommandDefinition(SelectAll, transaction: tx, cancellationToken: ct))).AsList();
        var active = keys.FirstOrDefault(k => k.IsActive);
        var now = time.GetUtcNow();
        if (!force && !policy.NeedsNewKey(active, now)) return null;

        var next = SigningKeyFactory.Generate(options.Value.SigningAlgorithm, now);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE signing_keys SET retired_at = @now WHERE retired_at IS NULL", new { now }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO signing_keys (kid, algorithm, private_key, created_at) VALUES (@Kid, @Algorithm, @PrivateKey, @CreatedAt)",
            next, tx, cancellationToken: ct));
        var expired = keys.Where(k => !k.IsActive && !policy.IsPublished(k, now)).Select(k => k.Kid).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM signing_keys WHERE kid = ANY(@expired)", new { expired }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new KeyRotation(next.Kid, active?.Kid);
    }
}
