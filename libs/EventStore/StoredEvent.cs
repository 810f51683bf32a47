namespace ECommerce.EventStore;

/// <summary>
/// An event as read: <see cref="Data"/> is the current CLR type (old versions already upcast) and
/// <see cref="EventType"/> its current stored name; <see cref="StoredType"/> and <see cref="StoredTypeVersion"/>
/// say what the row itself holds.
/// </summary>
public sealed record StoredEvent(
    string StreamId,
    long Version,
    long GlobalPosition,
    string EventType,
    object Data,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string> Metadata)
{
    public Guid EventId { get; init; }

    /// <summary>The type name written in the row (before upcasting).</summary>
    public string? StoredType { get; init; }

    /// <summary>The type version written in the row (before upcasting).</summary>
    public int StoredTypeVersion { get; init; } = 1;
}
