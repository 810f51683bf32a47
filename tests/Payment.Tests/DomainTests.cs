using ECommerce.Contracts;
using ECommerce.Payment.Api.Payments;
using ECommerce.Payment.Api.Processor;

namespace ECommerce.Payment.Tests;

/// <summary>The test cards and the replies, with no server.</summary>
public sealed class DomainTests
{
    [Theory]
    [InlineData(TestCards.Visa, CardOutcomeKind.Approve, null)]
    [InlineData(TestCards.Slow, CardOutcomeKind.ApproveSlowly, null)]
    [InlineData(TestCards.Declined, CardOutcomeKind.Decline, "card_declined")]
    [InlineData(TestCards.InsufficientFunds, CardOutcomeKind.Decline, "insufficient_funds")]
    [InlineData(TestCards.Error, CardOutcomeKind.Fail, null)]
    [InlineData("tok_unknown", CardOutcomeKind.Decline, "invalid_card")]
    public void Each_test_card_has_its_outcome(string token, CardOutcomeKind kind, string? code) =>
        Assert.Equal(new CardOutcome(kind, code), TestCards.Decide(token, call: 1, flakyFailures: 2));

    [Fact]
    public void The_flaky_card_fails_its_first_calls_then_succeeds()
    {
        var outcomes = Enumerable.Range(1, 4).Select(call => TestCards.Decide(TestCards.Flaky, call, flakyFailures: 2).Kind);
        Assert.Equal([CardOutcomeKind.Fail, CardOutcomeKind.Fail, CardOutcomeKind.Approve, CardOutcomeKind.Approve], outcomes);
    }

    [Fact]
    public void The_error_card_never_succeeds() =>
        Assert.All(Enumerable.Range(1, 10), call => Assert.Equal(CardOutcomeKind.Fail, TestCards.Decide(TestCards.Error, call, 2).Kind));

    private static PaymentRecord Payment(PaymentStatus status, string? reason = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), 10m, "USD", status, reason, false, DateTimeOffset.UtcNow);

    [Fact]
    public void A_repeated_charge_is_answered_from_the_payment_state()
    {
        Assert.IsType<PaymentAuthorized>(PaymentReplies.ForCharge(Payment(PaymentStatus.Authorized)));
        Assert.IsType<PaymentAuthorized>(PaymentReplies.ForCharge(Payment(PaymentStatus.Captured)));
        Assert.Equal("card_declined", Assert.IsType<PaymentDeclined>(PaymentReplies.ForCharge(Payment(PaymentStatus.Declined, "card_declined"))).Reason);
        Assert.IsType<PaymentUnavailable>(PaymentReplies.ForCharge(Payment(PaymentStatus.Unavailable, "x")));
        Assert.Null(PaymentReplies.ForCharge(Payment(PaymentStatus.Refunded)));
        Assert.Null(PaymentReplies.ForCharge(Payment(PaymentStatus.RefundRequested)));
    }

    [Theory]
    [InlineData(0, "USD", "tok_visa", "invalid_amount")]
    [InlineData(1.234, "USD", "tok_visa", "invalid_amount")]
    [InlineData(10, "usd", "tok_visa", "invalid_currency")]
    [InlineData(10, "USD", " ", "invalid_card")]
    [InlineData(10, "USD", "tok_visa", null)]
    public void A_charge_that_cannot_be_sent_is_named(double amount, string currency, string token, string? reason) =>
        Assert.Equal(reason, PaymentReplies.InvalidChargeReason(new ChargePayment(Guid.NewGuid(), "u", (decimal)amount, currency, token)));
}
