namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// Opens when at least <see cref="MinimumThroughput"/> calls in <see cref="SamplingDuration"/> failed in a ratio of
/// <see cref="FailureRatio"/> or more; stays open for <see cref="BreakDuration"/>, then lets one trial call through.
/// </summary>
public sealed class BreakerSettings
{
    public double FailureRatio { get; set; } = 0.5;
    public int MinimumThroughput { get; set; } = 10;
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
