using System.Diagnostics;

namespace ECommerce.EventStore;

/// <summary>
/// What is stored with every event besides its payload: correlation and causation ids (from a scope the caller
/// opens, e.g. a message handler with the message's ids) and the W3C trace context of the current Activity.
/// </summary>
public static class EventMetadata
{
    public const string CorrelationId = "correlationId";
    public const string CausationId = "causationId";
    public const string TraceParent = "traceparent";
    public const string TraceId = "traceId";

    /// <summary>
    /// Where the correlation id is found when no scope gives one: the <c>correlation.id</c> baggage or tag on the current
    /// trace (ServiceDefaults' HTTP middleware and libs/Messaging's consumer tag their activity with it).
    /// </summary>
    public const string ActivityCorrelationKey = "correlation.id";

    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>Until disposed, appends in this async flow store these ids (and <paramref name="extra"/> entries).</summary>
    public static IDisposable Begin(string? correlationId = null, string? causationId = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var scope = new Scope(Current.Value, correlationId, causationId, extra);
        Current.Value = scope;
        return scope;
    }

    internal static Dictionary<string, string> Capture()
    {
        var metadata = new Dictionary<string, string>();
        for (var scope = Current.Value; scope is not null; scope = scope.Parent)
        {
            if (scope.Extra is not null)
                foreach (var (key, value) in scope.Extra) metadata.TryAdd(key, value);
            if (scope.CorrelationId is not null) metadata.TryAdd(CorrelationId, scope.CorrelationId);
            if (scope.CausationId is not null) metadata.TryAdd(CausationId, scope.CausationId);
        }
        var activity = Activity.Current;
        if (activity is null) return metadata;
        if (activity.IdFormat == ActivityIdFormat.W3C)
        {
            metadata[TraceParent] = activity.Id!;
            metadata[TraceId] = activity.TraceId.ToHexString();
            if (activity.TraceStateString is { Length: > 0 } state) metadata["tracestate"] = state;
        }
        for (var current = activity; current is not null && !metadata.ContainsKey(CorrelationId); current = current.Parent)
        {
            if ((current.GetBaggageItem(ActivityCorrelationKey) ?? current.GetTagItem(ActivityCorrelationKey) as string) is { } id)
                metadata[CorrelationId] = id;
        }
        return metadata;
    }

    private sealed class Scope(Scope? parent, string? correlationId, string? causationId, IReadOnlyDictionary<string, string>? extra) : IDisposable
    {
        public Scope? Parent { get; } = parent;
        public string? CorrelationId { get; } = correlationId;
        public string? CausationId { get; } = causationId;
        public IReadOnlyDictionary<string, string>? Extra { get; } = extra;

        public void Dispose()
        {
            if (Current.Value == this) Current.Value = Parent;
        }
    }
}
