using ECommerce.Contracts;

namespace ECommerce.Payment.Tests;

/// <summary>Authorization through the workflow in real transactions, against the simulated processor over HTTP.</summary>
[Collection(PaymentCollection.Name)]
public sealed class ChargeTests(PaymentFixture fixture)
{
    private Task<object?> ChargeAsync(ChargePayment command) =>
        fixture.InTransactionAsync(tx => fixture.Workflow.ChargeAsync(command, tx, default));

    [Fact]
    public async Task A_good_card_is_authorized_once()
    {
        var command = Charges.For("tok_visa");

        var authorized = Assert.IsType<PaymentAuthorized>(await ChargeAsync(command));

        Assert.Equal((command.OrderId, 42.50m, "USD"), (authorized.OrderId, authorized.Amount, authorized.Currency));
        Assert.Equal("Authorized", await fixture.PaymentStatusAsync(command.OrderId));
        Assert.Equal("authorized", await fixture.ProcessorStatusAsync(command.OrderId));
        Assert.Equal(1, await fixture.ProcessorCallsAsync(command.OrderId));
    }

    [Theory]
    [InlineData("tok_declined", "card_declined")]
    [InlineData("tok_insufficient_funds", "insufficient_funds")]
    [InlineData("tok_nobody_issued", "invalid_card")]
    public async Task A_declined_card_is_declined_with_its_reason_and_not_retried(string token, string reason)
    {
        var command = Charges.For(token);

        var declined = Assert.IsType<PaymentDeclined>(await ChargeAsync(command));

        Assert.Equal(reason, declined.Reason);
        Assert.Equal("Declined", await fixture.PaymentStatusAsync(command.OrderId));
        Assert.Equal(1, await fixture.ProcessorCallsAsync(command.OrderId));
        Assert.Null(await fixture.ProcessorStatusAsync(command.OrderId));
    }

    [Fact]
    public async Task A_processor_error_is_retried_and_then_succeeds()
    {
        var command = Charges.For("tok_flaky");

        Assert.IsType<PaymentAuthorized>(await ChargeAsync(command));

        Assert.Equal(PaymentFixture.FlakyFailures + 1, await fixture.ProcessorCallsAsync(command.OrderId));
        Assert.Equal("authorized", await fixture.ProcessorStatusAsync(command.OrderId));
    }

    [Fact]
    public async Task A_processor_that_stays_down_makes_the_payment_unavailable_after_every_retry()
    {
        var command = Charges.For("tok_error");

        var unavailable = Assert.IsType<PaymentUnavailable>(await ChargeAsync(command));

        Assert.Contains("503", unavailable.Reason);
        Assert.Equal(PaymentFixture.Retries + 1, await fixture.ProcessorCallsAsync(command.OrderId));
        Assert.Equal("Unavailable", await fixture.PaymentStatusAsync(command.OrderId));
        Assert.Null(await fixture.ProcessorStatusAsync(command.OrderId));
    }

    [Fact]
    public async Task A_slow_processor_answer_is_waited_for()
    {
        var command = Charges.For("tok_slow");
        Assert.IsType<PaymentAuthorized>(await ChargeAsync(command));
        Assert.Equal(1, await fixture.ProcessorCallsAsync(command.OrderId));
    }

    [Fact]
    public async Task A_repeated_charge_gets_the_first_answer_without_calling_the_processor_again()
    {
        var command = Charges.For("tok_visa");
        var first = Assert.IsType<PaymentAuthorized>(await ChargeAsync(command));

        Assert.Equal(first, await ChargeAsync(command));
        Assert.Equal(first, await ChargeAsync(command with { CardToken = "tok_declined" }));
        Assert.Equal(1, await fixture.ProcessorCallsAsync(command.OrderId));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_charge_make_one_payment_and_one_authorization()
    {
        var command = Charges.For("tok_visa");

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ChargeAsync(command))));

        var first = Assert.IsType<PaymentAuthorized>(replies[0]);
        Assert.All(replies, r => Assert.Equal(first, r));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM payments WHERE order_id = $1", command.OrderId));
        Assert.Equal(1, await fixture.ProcessorCallsAsync(command.OrderId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM processor.charges WHERE idempotency_key = $1", command.OrderId.ToString()));
    }

    [Fact]
    public async Task A_charge_that_cannot_be_sent_is_declined_without_a_payment()
    {
        var command = Charges.For("tok_visa", amount: -5m);
        Assert.Equal("invalid_amount", Assert.IsType<PaymentDeclined>(await ChargeAsync(command)).Reason);
        Assert.Null(await fixture.PaymentStatusAsync(command.OrderId));
    }
}
