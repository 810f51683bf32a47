namespace ECommerce.ServiceDefaults.Faults;

/// <summary>
/// What a fault does to each matching call: waits <see cref="LatencyMs"/> plus up to <see cref="JitterMs"/>, then
/// aborts the connection with probability <see cref="AbortRate"/>, or answers <see cref="ErrorStatus"/> with
/// probability <see cref="ErrorRate"/>, else lets the call through. Lasts <see cref="DurationSeconds"/> if set.
/// </summary>
public abstract record FaultEffect
{
    public int LatencyMs { get; init; }
    public int JitterMs { get; init; }
    public double ErrorRate { get; init; }
    public int ErrorStatus { get; init; } = 503;
    public double AbortRate { get; init; }
    public int? DurationSeconds { get; init; }

    /// <summary>Set by the service from <see cref="DurationSeconds"/> when the plan is applied.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public FaultDecision Decide()
    {
        var delay = LatencyMs + (JitterMs > 0 ? Random.Shared.Next(JitterMs + 1) : 0);
        var roll = Random.Shared.NextDouble();
        var outcome = roll < AbortRate ? FaultOutcome.Abort
            : roll < AbortRate + ErrorRate ? FaultOutcome.Error
            : FaultOutcome.PassThrough;
        return new FaultDecision(TimeSpan.FromMilliseconds(delay), outcome, ErrorStatus);
    }
}
