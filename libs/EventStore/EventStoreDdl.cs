namespace ECommerce.EventStore;

/// <summary>
/// The store's schema steps, applied in order by <see cref="EventStoreSchema"/>; never edit an applied step, add one.
/// </summary>
internal static class EventStoreDdl
{
    public static IReadOnlyList<string> Steps(EventStoreSchema schema) =>
    [
        $"""
        CREATE TABLE {schema.Streams} (
            id text PRIMARY KEY,
            version bigint NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE {schema.Events} (
            position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            event_id uuid NOT NULL UNIQUE,
            stream_id text NOT NULL REFERENCES {schema.Streams} (id),
            version bigint NOT NULL,
            type text NOT NULL,
            type_version int NOT NULL DEFAULT 1,
            data jsonb NOT NULL,
            metadata jsonb NOT NULL DEFAULT jsonb_build_object(),
            timestamp timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT events_stream_version UNIQUE (stream_id, version));
        CREATE TABLE {schema.Snapshots} (
            stream_id text NOT NULL,
            aggregate_type text NOT NULL,
            schema_version int NOT NULL,
            version bigint NOT NULL,
            data jsonb NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (stream_id, aggregate_type, schema_version, version));
        CREATE TABLE {schema.Checkpoints} (
            name text PRIMARY KEY,
            position bigint NOT NULL DEFAULT 0,
            updated_at timestamptz NOT NULL DEFAULT now());
        """,
        // One round trip per append: the lock, the version check and the inserts run server-side. A conflict is a
        // returned row (out_position = -1, out_version = actual), not an error, so the caller's transaction stays usable.
        $$"""
        CREATE FUNCTION {{schema.Name}}.append_events(
            p_stream text, p_expected bigint, p_ids uuid[], p_types text[], p_type_versions int[], p_data jsonb[], p_metadata jsonb)
        RETURNS TABLE (out_position bigint, out_version bigint, out_timestamp timestamptz)
        LANGUAGE plpgsql AS $fn$
        DECLARE
            v_current bigint;
            i int;
        BEGIN
            PERFORM pg_advisory_xact_lock({{schema.AppendLockKey}});
            SELECT s.version INTO v_current FROM {{schema.Streams}} s WHERE s.id = p_stream FOR UPDATE;
            v_current := coalesce(v_current, 0);
            IF p_expected <> -1 AND p_expected <> v_current THEN
                RETURN QUERY SELECT -1::bigint, v_current, now();
                RETURN;
            END IF;
            INSERT INTO {{schema.Streams}} AS s (id, version) VALUES (p_stream, v_current + cardinality(p_ids))
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, updated_at = now();
            FOR i IN 1 .. cardinality(p_ids) LOOP
                RETURN QUERY
                    INSERT INTO {{schema.Events}} AS e (event_id, stream_id, version, type, type_version, data, metadata)
                    VALUES (p_ids[i], p_stream, v_current + i, p_types[i], p_type_versions[i], p_data[i], p_metadata)
                    RETURNING e.position, e.version, e.timestamp;
            END LOOP;
            PERFORM pg_notify('{{schema.NotifyChannel}}', p_stream);
        END
        $fn$;
        """,
        // Appenders share the append lock (they no longer wait for each other); a reader takes it exclusively for an
        // instant to learn the highest position below which nothing is in flight. See docs/event-sourcing.md.
        $$"""
        CREATE OR REPLACE FUNCTION {{schema.Name}}.append_events(
            p_stream text, p_expected bigint, p_ids uuid[], p_types text[], p_type_versions int[], p_data jsonb[], p_metadata jsonb)
        RETURNS TABLE (out_position bigint, out_version bigint, out_timestamp timestamptz)
        LANGUAGE plpgsql AS $fn$
        DECLARE
            v_current bigint;
            i int;
        BEGIN
            PERFORM pg_advisory_xact_lock_shared({{schema.AppendLockKey}});
            SELECT s.version INTO v_current FROM {{schema.Streams}} s WHERE s.id = p_stream FOR UPDATE;
            v_current := coalesce(v_current, 0);
            IF p_expected <> -1 AND p_expected <> v_current THEN
                RETURN QUERY SELECT -1::bigint, v_current, now();
                RETURN;
            END IF;
            INSERT INTO {{schema.Streams}} AS s (id, version) VALUES (p_stream, v_current + cardinality(p_ids))
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, updated_at = now();
            FOR i IN 1 .. cardinality(p_ids) LOOP
                RETURN QUERY
                    INSERT INTO {{schema.Events}} AS e (event_id, stream_id, version, type, type_version, data, metadata)
                    VALUES (p_ids[i], p_stream, v_current + i, p_types[i], p_type_versions[i], p_data[i], p_metadata)
                    RETURNING e.position, e.version, e.timestamp;
            END LOOP;
            PERFORM pg_notify('{{schema.NotifyChannel}}', p_stream);
        END
        $fn$;
        CREATE FUNCTION {{schema.Name}}.safe_head(p_lock_timeout text) RETURNS bigint
        LANGUAGE plpgsql VOLATILE AS $fn$
        BEGIN
            PERFORM set_config('lock_timeout', p_lock_timeout, true);
            PERFORM pg_advisory_xact_lock({{schema.AppendLockKey}});
            -- A fresh snapshot, taken after every append that held the lock has committed or rolled back.
            RETURN (SELECT coalesce(max(e.position), 0) FROM {{schema.Events}} e);
        END
        $fn$;
        """,
        // Appends no longer exclude each other, so the stream row must exist (and be locked) before its version is read.
        $$"""
        CREATE OR REPLACE FUNCTION {{schema.Name}}.append_events(
            p_stream text, p_expected bigint, p_ids uuid[], p_types text[], p_type_versions int[], p_data jsonb[], p_metadata jsonb)
        RETURNS TABLE (out_position bigint, out_version bigint, out_timestamp timestamptz)
        LANGUAGE plpgsql AS $fn$
        DECLARE
            v_current bigint;
            i int;
        BEGIN
            PERFORM pg_advisory_xact_lock_shared({{schema.AppendLockKey}});
            -- Two first appends to one stream race here: the second waits for the first's row, then sees its version.
            INSERT INTO {{schema.Streams}} (id, version) VALUES (p_stream, 0) ON CONFLICT (id) DO NOTHING;
            SELECT s.version INTO v_current FROM {{schema.Streams}} s WHERE s.id = p_stream FOR UPDATE;
            IF p_expected <> -1 AND p_expected <> v_current THEN
                DELETE FROM {{schema.Streams}} s WHERE s.id = p_stream AND s.version = 0;
                RETURN QUERY SELECT -1::bigint, v_current, now();
                RETURN;
            END IF;
            INSERT INTO {{schema.Streams}} AS s (id, version) VALUES (p_stream, v_current + cardinality(p_ids))
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, updated_at = now();
            FOR i IN 1 .. cardinality(p_ids) LOOP
                RETURN QUERY
                    INSERT INTO {{schema.Events}} AS e (event_id, stream_id, version, type, type_version, data, metadata)
                    VALUES (p_ids[i], p_stream, v_current + i, p_types[i], p_type_versions[i], p_data[i], p_metadata)
                    RETURNING e.position, e.version, e.timestamp;
            END LOOP;
            PERFORM pg_notify('{{schema.NotifyChannel}}', p_stream);
        END
        $fn$;
        """,
    ];
}
