namespace ECommerce.Payment.Api.Processor;

/// <summary>The processor's answer to one authorization request, before any I/O.</summary>
public sealed record CardOutcome(CardOutcomeKind Kind, string? DeclineCode = null)
{
    public static CardOutcome Approve() => new(CardOutcomeKind.Approve);
    public static CardOutcome ApproveSlowly() => new(CardOutcomeKind.ApproveSlowly);
    public static CardOutcome Decline(string code) => new(CardOutcomeKind.Decline, code);
    public static CardOutcome Fail() => new(CardOutcomeKind.Fail);
}

public enum CardOutcomeKind { Approve, ApproveSlowly, Decline, Fail }
