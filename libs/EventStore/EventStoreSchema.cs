using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace ECommerce.EventStore;

/// <summary>
/// The store's own versioned DDL, applied once per process under a session advisory lock (instances take turns).
/// It keeps its own version table in its schema: the service's migrations (libs/Postgres) number theirs from 1 too.
/// </summary>
internal sealed class EventStoreSchema(EventStoreDataSource dataSource, EventStoreOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public string Name { get; } = options.Schema;
    public string Streams => $"{Name}.streams";
    public string Events => $"{Name}.events";
    public string Snapshots => $"{Name}.snapshots";
    public string Checkpoints => $"{Name}.checkpoints";
    public string NotifyChannel => $"{Name}_appended";

    /// <summary>
    /// Key of the append lock: every append holds it shared until its transaction ends; a reader of the global order
    /// takes it exclusively for an instant (safe_head). See docs/event-sourcing.md, "Global order".
    /// </summary>
    public long AppendLockKey { get; } = Key($"append:{options.Schema}");

    private long MigrationLockKey { get; } = Key($"schema:{options.Schema}");

    public bool IsReady => _ready;

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (_ready) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_ready) return;
            await MigrateAsync(ct);
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.Value.OpenConnectionAsync(ct);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({MigrationLockKey})", ct);
        try
        {
            await ExecuteAsync(connection, null, $"""
                CREATE SCHEMA IF NOT EXISTS {Name};
                CREATE TABLE IF NOT EXISTS {Name}.schema_version (
                    version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
                """, ct);
            await using var current = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {Name}.schema_version", connection);
            var applied = (int)(await current.ExecuteScalarAsync(ct))!;
            var steps = EventStoreDdl.Steps(this);
            for (var version = applied + 1; version <= steps.Count; version++)
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, tx, steps[version - 1], ct);
                await ExecuteAsync(connection, tx, $"INSERT INTO {Name}.schema_version (version) VALUES ({version})", ct);
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static long Key(string text) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("ECommerce.EventStore:" + text)));
}
