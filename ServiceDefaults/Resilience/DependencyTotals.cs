namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>Running totals for one dependency since the process started (what /admin/resilience reports).</summary>
internal sealed class DependencyTotals
{
    public long BreakerOpened;
    public long Retries;
    public long Timeouts;
    public long BulkheadRejections;
    public long LastOpenedAtTicks;
}
