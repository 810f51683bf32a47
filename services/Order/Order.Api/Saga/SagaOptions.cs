namespace ECommerce.Order.Api.Saga;

/// <summary>Bound from <c>Order:Saga</c>.</summary>
public sealed class SagaOptions
{
    public const string SectionName = "Order:Saga";

    /// <summary>How long an order may stay unfinished before it is cancelled with Timeout and compensated.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long inventory holds the units: longer than <see cref="Timeout"/>, so expiry never beats the saga.</summary>
    public TimeSpan ReservationLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the timeout worker looks for orders past their deadline.</summary>
    public TimeSpan TimeoutScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many orders are timed out per scan (per transaction).</summary>
    public int TimeoutBatchSize { get; set; } = 50;
}
