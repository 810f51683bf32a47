namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// Built-in settings per dependency, chosen for what each call protects. Configuration still overrides them.
/// </summary>
public static class DependencyProfiles
{
    /// <summary>The payment service's client for the card processor it simulates (services/Payment).</summary>
    public const string PaymentProcessor = "processor";

    public static void Apply(string dependency, DependencyResilienceOptions o)
    {
        switch (dependency)
        {
            // Reads on the browse path: short attempts, quick retries, a wide bulkhead (many cheap calls).
            case ResourceNames.Product or ResourceNames.Cart:
                Set(o, total: 6, attempt: 2, retries: 3, baseDelayMs: 100, concurrency: 64);
                break;
            // A checkout waits on it: fail fast so the saga can compensate instead of hanging.
            case ResourceNames.Inventory:
                Set(o, total: 5, attempt: 2, retries: 2, baseDelayMs: 100, concurrency: 32);
                break;
            // Charges: retried only when keyed (PUT by order id, or an Idempotency-Key); a sensitive breaker so an
            // outage turns into fast answers, and a small bulkhead so a slow processor cannot take every checkout.
            case ResourceNames.Payment or PaymentProcessor:
                Set(o, total: 10, attempt: 5, retries: 2, baseDelayMs: 250, concurrency: 16);
                o.Breaker.MinimumThroughput = 5;
                o.Breaker.SamplingDuration = TimeSpan.FromSeconds(10);
                break;
            case ResourceNames.Order:
                Set(o, total: 10, attempt: 5, retries: 2, baseDelayMs: 200, concurrency: 32);
                break;
            case ResourceNames.Identity:
                Set(o, total: 8, attempt: 3, retries: 2, baseDelayMs: 200, concurrency: 16);
                break;
        }
    }

    private static void Set(DependencyResilienceOptions o, int total, int attempt, int retries, int baseDelayMs, int concurrency)
    {
        o.TotalTimeout = TimeSpan.FromSeconds(total);
        o.AttemptTimeout = TimeSpan.FromSeconds(attempt);
        o.Retry.MaxAttempts = retries;
        o.Retry.BaseDelay = TimeSpan.FromMilliseconds(baseDelayMs);
        o.Bulkhead.MaxConcurrency = concurrency;
        o.Bulkhead.MaxQueue = concurrency;
    }
}
