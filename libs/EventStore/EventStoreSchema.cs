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

    /// <summary>Key of the transaction-level lock every append takes; see docs/event-sourcing.md, "Global order".</summary>
    public long AppendLockKey { get; } = Key($"append:{options.Schema}");

    private long MigrationLockKey { get; } = Key($"schema:{options.Schema}");

    private string[] Steps =>
    [
        $"""
        CREATE TABLE {Streams} (
            id text PRIMARY KEY,
            version bigint NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE {Events} (
            position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            event_id uuid NOT NULL UNIQUE,
            stream_id text NOT NULL REFERENCES {Streams} (id),
            version bigint NOT NULL,
            type text NOT NULL,
            type_version int NOT NULL DEFAULT 1,
            data jsonb NOT NULL,
            metadata jsonb NOT NULL DEFAULT jsonb_build_object(),
            timestamp timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT events_stream_version UNIQUE (stream_id, version));
        CREATE TABLE {Snapshots} (
            stream_id text NOT NULL,
            aggregate_type text NOT NULL,
            schema_version int NOT NULL,
            version bigint NOT NULL,
            data jsonb NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (stream_id, aggregate_type, schema_version, version));
        CREATE TABLE {Checkpoints} (
            name text PRIMARY KEY,
            position bigint NOT NULL DEFAULT 0,
            updated_at timestamptz NOT NULL DEFAULT now());
        """,
        // One round trip per append: the lock, the version check and the inserts run server-side. A conflict is a
        // returned row (out_position = -1, out_version = actual), not an error, so the caller's transaction stays usable.
        $$"""
        CREATE FUNCTION {{Name}}.append_events(
            p_stream text, p_expected bigint, p_ids uuid[], p_types text[], p_type_versions int[], p_data jsonb[], p_metadata jsonb)
        RETURNS TABLE (out_position bigint, out_version bigint, out_timestamp timestamptz)
        LANGUAGE plpgsql AS $fn$
        DECLARE
            v_current bigint;
            i int;
        BEGIN
            PERFORM pg_advisory_xact_lock({{AppendLockKey}});
            SELECT s.version INTO v_current FROM {{Streams}} s WHERE s.id = p_stream FOR UPDATE;
            v_current := coalesce(v_current, 0);
            IF p_expected <> -1 AND p_expected <> v_current THEN
                RETURN QUERY SELECT -1::bigint, v_current, now();
                RETURN;
            END IF;
            INSERT INTO {{Streams}} AS s (id, version) VALUES (p_stream, v_current + cardinality(p_ids))
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, updated_at = now();
            FOR i IN 1 .. cardinality(p_ids) LOOP
                RETURN QUERY
                    INSERT INTO {{Events}} AS e (event_id, stream_id, version, type, type_version, data, metadata)
                    VALUES (p_ids[i], p_stream, v_current + i, p_types[i], p_type_versions[i], p_data[i], p_metadata)
                    RETURNING e.position, e.version, e.timestamp;
            END LOOP;
            PERFORM pg_notify('{{NotifyChannel}}', p_stream);
        END
        $fn$;
        """,
    ];

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
            for (var version = applied + 1; version <= Steps.Length; version++)
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, tx, Steps[version - 1], ct);
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
