using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ECommerce.ServiceDefaults.Tests;

/// <summary>Listens to one meter and keeps each measurement with its tags (tests filter by their own dependency name).</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public ConcurrentQueue<(string Instrument, long Value, Dictionary<string, string?> Tags)> Measurements { get; } = new();

    public MetricsRecorder(string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public void Observe() => _listener.RecordObservableInstruments();

    public long Sum(string instrument, string dependency, string? tag = null, string? value = null) =>
        Measurements.Where(m => m.Instrument == instrument && m.Tags.GetValueOrDefault("dependency") == dependency
                && (tag is null || m.Tags.GetValueOrDefault(tag) == value))
            .Sum(m => m.Value);

    public long? Last(string instrument, string dependency) =>
        Measurements.Where(m => m.Instrument == instrument && m.Tags.GetValueOrDefault("dependency") == dependency)
            .Select(m => (long?)m.Value).LastOrDefault();

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string?>();
        foreach (var tag in tags) map[tag.Key] = tag.Value?.ToString();
        Measurements.Enqueue((instrument.Name, value, map));
    }

    public void Dispose() => _listener.Dispose();
}
