using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace ECommerce.Postgres;

/// <summary>
/// Versioned schema migrations: SQL scripts embedded as <c>Migrations/NNNN_name.sql</c>, applied in order,
/// each in its own transaction together with its row in <c>schema_migrations</c>. An advisory lock makes
/// concurrent instances take turns; a changed script that was already applied is refused, not re-run.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource)
{
    private const long AdvisoryLockKey = 0x45436f6d6d657263; // "ECommerc"

    public static IReadOnlyList<Migration> Discover(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Select(name => (name, match: MigrationName().Match(name)))
            .Where(x => x.match.Success)
            .Select(x =>
            {
                using var stream = assembly.GetManifestResourceStream(x.name)!;
                using var reader = new StreamReader(stream);
                return new Migration(int.Parse(x.match.Groups["version"].Value), x.match.Groups["name"].Value, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();

    /// <returns>The versions applied by this call.</returns>
    public async Task<IReadOnlyList<int>> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two migrations have version {duplicate.Key}.");

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection))
            await lockCmd.ExecuteNonQueryAsync(ct);
        try
        {
            await Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = await AppliedAsync(connection, ct);
            var done = new List<int>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                        throw new InvalidOperationException(
                            $"Migration {migration.Version} ({migration.Name}) changed after it was applied; add a new migration instead.");
                    continue;
                }
                await using var tx = await connection.BeginTransactionAsync(ct);
                await Execute(connection, tx, migration.Sql, ct);
                await using var record = new NpgsqlCommand(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, tx);
                record.Parameters.Add(new() { Value = migration.Version });
                record.Parameters.Add(new() { Value = migration.Name });
                record.Parameters.Add(new() { Value = migration.Checksum });
                await record.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
                done.Add(migration.Version);
            }
            return done;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(ct)) applied[reader.GetInt32(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex(@"Migrations\.(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}

public sealed record Migration(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
