namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// At most <see cref="MaxConcurrency"/> calls in flight to the dependency, <see cref="MaxQueue"/> more waiting;
/// anything beyond is rejected at once, so a slow dependency cannot hold every connection, socket and request of
/// this service. Waiting spends the caller's total timeout.
/// </summary>
public sealed class BulkheadSettings
{
    public int MaxConcurrency { get; set; } = 100;
    public int MaxQueue { get; set; } = 100;
}
