using Polly;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>A call refused because the dependency's bulkhead was full: it never left the process.</summary>
public sealed class BulkheadRejectedException(string dependency, int maxConcurrency, int maxQueue)
    : ExecutionRejectedException(
        $"Too many calls in flight to '{dependency}' (at most {maxConcurrency} running and {maxQueue} waiting); rejected without calling it.")
{
    public string Dependency { get; } = dependency;
}
