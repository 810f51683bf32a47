using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Identity.Api.Keys;

/// <summary>Signing keys in the database, the one place every instance reads them from.</summary>
public sealed class SigningKeyStore(
    NpgsqlDataSource db, KeyRotationPolicy policy, IOptions<SigningKeyOptions> options, TimeProvider time)
{
    private const string Columns = "kid, algorithm, private_key, created_at, retired_at";

    public async Task<IReadOnlyList<SigningKey>> LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await ReadAllAsync(connection, null, ct);
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
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('identity.signing_keys'))", connection, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);

        var keys = await ReadAllAsync(connection, tx, ct);
        var active = keys.FirstOrDefault(k => k.IsActive);
        var now = time.GetUtcNow();
        if (!force && !policy.NeedsNewKey(active, now)) return null;

        var next = SigningKeyFactory.Generate(options.Value.SigningAlgorithm, now);
        await using (var retire = new NpgsqlCommand("UPDATE signing_keys SET retired_at = $1 WHERE retired_at IS NULL", connection, tx))
        {
            retire.Parameters.AddWithValue(now);
            await retire.ExecuteNonQueryAsync(ct);
        }
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO signing_keys (kid, algorithm, private_key, created_at) VALUES ($1, $2, $3, $4)", connection, tx))
        {
            insert.Parameters.AddWithValue(next.Kid);
            insert.Parameters.AddWithValue(next.Algorithm);
            insert.Parameters.AddWithValue(next.PrivateKey);
            insert.Parameters.AddWithValue(next.CreatedAt);
            await insert.ExecuteNonQueryAsync(ct);
        }
        var expired = keys.Where(k => !k.IsActive && !policy.IsPublished(k, now)).Select(k => k.Kid).ToArray();
        await using (var delete = new NpgsqlCommand("DELETE FROM signing_keys WHERE kid = ANY($1)", connection, tx))
        {
            delete.Parameters.AddWithValue(expired);
            await delete.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new KeyRotation(next.Kid, active?.Kid);
    }

    private static async Task<IReadOnlyList<SigningKey>> ReadAllAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {Columns} FROM signing_keys ORDER BY created_at DESC", connection, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var keys = new List<SigningKey>();
        while (await reader.ReadAsync(ct))
        {
            keys.Add(new SigningKey(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return keys;
    }
}
