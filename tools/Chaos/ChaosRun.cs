using System.Collections.Concurrent;
using System.Diagnostics;
using ECommerce.SystemInfrastructure;

namespace ECommerce.Chaos;

/// <summary>Everything one scenario run shares: where things are, who the users are, what happened so far.</summary>
public sealed class ChaosRun(ChaosOptions options, ShopApi api, Uri gateway, ShopSystem? system)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private volatile int _phase;

    public ChaosOptions Options { get; } = options;
    public ShopApi Api { get; } = api;
    public Uri Gateway { get; } = gateway;
    /// <summary>The system this run started from the AppHost; null when attached to a running one with --gateway.</summary>
    public ShopSystem? System { get; } = system;
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

    /// <summary>A service's own URL: from --service, else from the AppHost; null when neither knows it.</summary>
    public Uri? ServiceUrl(string name) =>
        Options.Services.TryGetValue(name, out var url) ? url : System?.ServiceUrl(name);

    public IEnumerable<(string Name, Uri Url)> ServiceUrls =>
        Options.Services.Select(s => (s.Key, s.Value))
            .Concat(System?.Services.Where(s => !Options.Services.ContainsKey(s)).Select(s => (s, System.ServiceUrl(s))) ?? []);
}
