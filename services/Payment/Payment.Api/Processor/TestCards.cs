namespace ECommerce.Payment.Api.Processor;

/// <summary>What the simulated processor does with each test card token; pure, so it is tested without a server.</summary>
public static class TestCards
{
    public const string Visa = "tok_visa";
    public const string Declined = "tok_declined";
    public const string InsufficientFunds = "tok_insufficient_funds";
    public const string Slow = "tok_slow";
    public const string Error = "tok_error";

    /// <summary>Fails the first <see cref="ProcessorOptions.FlakyFailures"/> calls for a key, then succeeds: retry-then-success.</summary>
    public const string Flaky = "tok_flaky";

    public const string CardDeclined = "card_declined";
    public const string InsufficientFundsCode = "insufficient_funds";
    public const string InvalidCard = "invalid_card";

    /// <param name="call">1 for the first authorization request with this idempotency key.</param>
    public static CardOutcome Decide(string token, int call, int flakyFailures) => token switch
    {
        Visa => CardOutcome.Approve(),
        Slow => CardOutcome.ApproveSlowly(),
        Declined => CardOutcome.Decline(CardDeclined),
        InsufficientFunds => CardOutcome.Decline(InsufficientFundsCode),
        Error => CardOutcome.Fail(),
        Flaky => call <= flakyFailures ? CardOutcome.Fail() : CardOutcome.Approve(),
        _ => CardOutcome.Decline(InvalidCard),
    };
}
