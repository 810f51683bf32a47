using System.Text.Json;
using System.Text.RegularExpressions;

namespace ECommerce.EventStore;

/// <summary>What <c>AddEventStore</c>'s configure callback sets up.</summary>
public sealed partial class EventStoreOptions
{
    private readonly Dictionary<Type, SnapshotPolicy> _snapshots = [];
    private string _schema = "eventstore";

    public EventTypeRegistry Events { get; } = new();

    public ProjectionRegistry Projections { get; } = new();

    /// <summary>PostgreSQL schema holding the store's tables (streams, events, snapshots, checkpoints).</summary>
    public string Schema
    {
        get => _schema;
        set => _schema = IdentifierPattern().IsMatch(value) ? value : throw new ArgumentException($"'{value}' is not a plain lower-case SQL identifier.", nameof(value));
    }

    /// <summary>Payloads, metadata and snapshots; web defaults (camelCase) like the message bus.</summary>
    public JsonSerializerOptions Json { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>How long the projection daemon sleeps when idle if no append notification wakes it first.</summary>
    public TimeSpan DaemonPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events one async-projection transaction applies at most.</summary>
    public int DaemonBatchSize { get; set; } = 500;

    /// <summary>
    /// Snapshots <typeparamref name="T"/> in the append transaction whenever a stream whose events T applies crosses a
    /// multiple of <paramref name="every"/> events. Bump <paramref name="version"/> when T's shape changes: snapshots
    /// of another version are ignored and the stream is folded from its events.
    /// </summary>
    public EventStoreOptions Snapshots<T>(int every, int version = 1) where T : class, new()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        _snapshots[typeof(T)] = new SnapshotPolicy(typeof(T), every, version);
        return this;
    }

    internal IReadOnlyDictionary<Type, SnapshotPolicy> SnapshotPolicies => _snapshots;

    internal void Freeze()
    {
        Events.Freeze();
        Projections.Freeze();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,40}$")]
    private static partial Regex IdentifierPattern();
}

internal sealed record SnapshotPolicy(Type AggregateType, int Every, int Version)
{
    /// <summary>The stored aggregate type name.</summary>
    public string TypeName { get; } = AggregateType.Name;

    public bool IsDue(long before, long after) => before / Every < after / Every;
}
