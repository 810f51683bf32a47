namespace ECommerce.Chaos;

/// <summary>The JSON report of one run (camelCase on disk).</summary>
public sealed record ChaosReport
{
    public required string Scenario { get; init; }
    public bool Passed { get; set; }
    public List<string> Failures { get; init; } = [];
    public required DateTimeOffset StartedAt { get; init; }
    public double DurationSeconds { get; set; }
    public int Users { get; init; }
    public int Accepted { get; init; }
    public int Confirmed { get; init; }
    public Dictionary<string, int> Cancelled { get; init; } = [];
    /// <summary>Confirmed and cancelled counts by the phase the order was accepted in.</summary>
    public Dictionary<string, Dictionary<string, int>> OrdersByPhase { get; init; } = [];
    /// <summary>From undoing the fault until the gateway was Healthy with every breaker closed (null: not within 90 s).</summary>
    public double? RecoverySeconds { get; set; }
    public int Stuck { get; init; }
    public List<string> StuckOrders { get; init; } = [];
    public int DoubleCharges { get; init; }
    public List<string> DoubleChargedOrders { get; init; } = [];
    public bool StockConserved { get; init; }
    public List<StockLine> Stock { get; init; } = [];
    /// <summary>True/false when services report breakers in /health; null when none does (cannot tell).</summary>
    public bool? BreakerOpened { get; init; }
    public List<string> BreakersOpened { get; init; } = [];
    public List<string> BreakersSeen { get; init; } = [];
    public required Dictionary<string, Dictionary<string, LatencySummary>> Latency { get; init; }
    public IReadOnlyDictionary<string, int> Outcomes { get; init; } = new Dictionary<string, int>();
    public List<string> Notes { get; init; } = [];
}
