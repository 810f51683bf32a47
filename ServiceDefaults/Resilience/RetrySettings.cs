namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>Retries of idempotent requests only: exponential backoff with jitter so callers do not retry in step.</summary>
public sealed class RetrySettings
{
    /// <summary>Retries after the first try; 0 turns retrying off.</summary>
    public int MaxAttempts { get; set; } = 3;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
