namespace ECommerce.Coordination;

/// <param name="Allowed">Whether the hit was admitted (and recorded).</param>
/// <param name="Count">Hits in the window, including this one when admitted.</param>
/// <param name="RetryAfter">When refused: how long until the oldest hit leaves the window. Zero when admitted.</param>
public readonly record struct SlidingWindowDecision(bool Allowed, long Count, TimeSpan RetryAfter);
