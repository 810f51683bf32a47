using Polly;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>Names the bulkhead in Polly's pipeline; its limits live in <see cref="BulkheadSettings"/>.</summary>
internal sealed class BulkheadStrategyOptions : ResilienceStrategyOptions
{
    public BulkheadStrategyOptions() => Name = "Bulkhead";
}
