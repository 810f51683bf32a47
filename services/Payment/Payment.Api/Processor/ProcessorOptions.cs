namespace ECommerce.Payment.Api.Processor;

/// <summary>Bound from <c>Payment:Processor</c>.</summary>
public sealed class ProcessorOptions
{
    public const string SectionName = "Payment:Processor";

    /// <summary>
    /// Where the processor is called. Empty: this service's own listening address (the processor is an endpoint group
    /// in the payment service, but still reached over the network, through the named client's resilience pipeline).
    /// </summary>
    public string? BaseAddress { get; set; }

    /// <summary>How long <c>tok_slow</c> takes to answer.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many authorization calls per idempotency key <c>tok_flaky</c> fails (503) before it succeeds.</summary>
    public int FlakyFailures { get; set; } = 2;
}
