namespace ECommerce.EventStore;

/// <summary>Names to add to an OpenTelemetry tracer so the store's spans are exported.</summary>
public static class EventStoreDiagnostics
{
    /// <summary>Spans: <c>eventstore append</c> (stream, event count, new version) and <c>eventstore project</c> (per daemon batch).</summary>
    public const string ActivitySourceName = "ECommerce.EventStore";
}
