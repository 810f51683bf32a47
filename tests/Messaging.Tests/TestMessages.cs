namespace ECommerce.Messaging.Tests;

/// <summary>A unit of work whose handler fails on demand: the first <paramref name="FailTimes"/> attempts, or always.</summary>
public sealed record WorkItem(string Text, int FailTimes = 0, bool Permanent = false, string? Reply = null);

/// <summary>What a <see cref="WorkItem"/> handler publishes when asked to reply.</summary>
public sealed record WorkDone(string Text);
