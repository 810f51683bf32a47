namespace ECommerce.ServiceDefaults.Faults;

/// <summary>What happens to one call: the delay first, then the outcome.</summary>
public readonly record struct FaultDecision(TimeSpan Delay, FaultOutcome Outcome, int ErrorStatus);
