using System.Collections.Concurrent;
using System.Diagnostics;

namespace ECommerce.Chaos;

/// <summary>Everything one scenario run shares: where things are, who the users are, what happened so far.</summary>
public sealed class ChaosRun(ChaosOptions options, ShopApi api, Uri gateway, DevHostControl? devHost)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private volatile int _phase;

    public ChaosOptions Options { get; } = options;
    public ShopApi Api { get; } = api;
    public Uri Gateway { get; } = gateway;
    public DevHostControl? DevHost { get; } = devHost;
    public Tally Tally { get; } = new();
    public ConcurrentDictionary<string, TrackedOrder> Orders { get; } = new();
    public List<string> Notes { get; } = [];
    public string AdminToken { get; set; } = "";
    public List<string> UserTokens { get; } = [];
    /// <summary>Product id -> on-hand set at the start.</summary>
    public Dictionary<string, int> StartOnHand { get; } = [];
    /// <summary>Other products the browse load reads (ids), so not every read is a cache hit.</summary>
    public List<string> BrowsePool { get; } = [];
    public BreakerWatch Breakers { get; } = new();

    public Phase Phase
    {
        get => (Phase)_phase;
        set => _phase = (int)value;
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Note(string note)
    {
        lock (Notes) Notes.Add(note);
    }

    public Uri Url(string pathAndQuery) => new(Gateway, pathAndQuery);

    /// <summary>A service's own URL: from --service, else from DevHost; null when neither knows it.</summary>
    public Uri? ServiceUrl(string name) =>
        Options.Services.TryGetValue(name, out var url) ? url : DevHost?.ServiceUrl(name);

    public IEnumerable<(string Name, Uri Url)> ServiceUrls =>
        Options.Services.Select(s => (s.Key, s.Value))
            .Concat(DevHost?.Projects.Where(p => !Options.Services.ContainsKey(p.Name)) ?? []);
}
