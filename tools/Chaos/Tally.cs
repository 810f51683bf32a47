using System.Collections.Concurrent;

namespace ECommerce.Chaos;

/// <summary>Thread-safe counts and latency samples per phase, what the progress line and the report read.</summary>
public sealed class Tally
{
    private readonly ConcurrentDictionary<(Phase, string), int> _counts = new();
    private readonly ConcurrentDictionary<(Phase, string), ConcurrentBag<double>> _latencies = new();

    public void Count(Phase phase, string outcome) => _counts.AddOrUpdate((phase, outcome), 1, (_, n) => n + 1);

    public void Latency(Phase phase, string what, TimeSpan elapsed) =>
        _latencies.GetOrAdd((phase, what), _ => []).Add(elapsed.TotalMilliseconds);

    public int Get(Phase phase, string outcome) => _counts.TryGetValue((phase, outcome), out var n) ? n : 0;

    public int Total(string outcome) => _counts.Where(c => c.Key.Item2 == outcome).Sum(c => c.Value);

    public int TotalStartingWith(string prefix) => _counts.Where(c => c.Key.Item2.StartsWith(prefix)).Sum(c => c.Value);

    /// <summary>Every outcome, phase by phase: "fault browse:200" => 321.</summary>
    public IReadOnlyDictionary<string, int> Outcomes() => _counts
        .OrderBy(c => c.Key.Item1).ThenBy(c => c.Key.Item2)
        .ToDictionary(c => $"{c.Key.Item1.ToString().ToLowerInvariant()} {c.Key.Item2}", c => c.Value);

    public LatencySummary Summary(Phase phase, string what) =>
        LatencySummary.Of(_latencies.TryGetValue((phase, what), out var bag) ? bag.ToArray() : []);
}
