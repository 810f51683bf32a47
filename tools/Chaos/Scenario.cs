namespace ECommerce.Chaos;

/// <summary>
/// A named fault: what it injects when the fault phase starts, what runs during it, how it is removed, and what
/// must be true afterwards beyond the common invariants (nothing stuck, no double charge, stock conserved).
/// </summary>
public sealed record Scenario(string Name, string Description, string Expectation)
{
    /// <summary>Process or server faults: the AppHost this run started carries them out (its resource commands).</summary>
    public bool NeedsAppHost { get; init; }

    /// <summary>The service whose fault plan the scenario sets: its own URL must be known before anything starts.</summary>
    public string? PlanOn { get; init; }

    /// <summary>One product with a few units, every user buys once at the same moment; no steady checkout load.</summary>
    public int? FlashSaleUnits { get; init; }

    public Func<ChaosRun, CancellationToken, Task> Inject { get; init; } = (_, _) => Task.CompletedTask;

    /// <summary>Runs while the fault phase lasts and is cancelled when it ends (repeated pauses, bursts).</summary>
    public Func<ChaosRun, CancellationToken, Task> During { get; init; } = (_, _) => Task.CompletedTask;

    public Func<ChaosRun, CancellationToken, Task> Recover { get; init; } = (_, _) => Task.CompletedTask;

    /// <summary>The scenario's own expectation: each string is a reason it failed.</summary>
    public Func<ChaosRun, ChaosReport, IEnumerable<string>> Expect { get; init; } = (_, _) => [];
}
