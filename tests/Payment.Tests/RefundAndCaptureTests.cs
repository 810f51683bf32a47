using ECommerce.Contracts;

namespace ECommerce.Payment.Tests;

[Collection(PaymentCollection.Name)]
public sealed class RefundAndCaptureTests(PaymentFixture fixture)
{
    private Task<object?> ChargeAsync(ChargePayment command) =>
        fixture.InTransactionAsync(tx => fixture.Workflow.ChargeAsync(command, tx, default));

    private Task<object?> RefundAsync(Guid orderId) =>
        fixture.InTransactionAsync(tx => fixture.Workflow.RefundAsync(new RefundPayment(orderId, "Timeout"), tx, default));

    private Task<bool> CaptureAsync(Guid orderId) =>
        fixture.InTransactionAsync(tx => fixture.Workflow.CaptureAsync(orderId, tx, default));

    [Fact]
    public async Task Refunding_an_authorization_voids_it_once()
    {
        var command = Charges.For("tok_visa");
        var authorized = Assert.IsType<PaymentAuthorized>(await ChargeAsync(command));

        var refunded = Assert.IsType<PaymentRefunded>(await RefundAsync(command.OrderId));
        Assert.Equal((authorized.PaymentId, 42.50m, "USD"), (refunded.PaymentId, refunded.Amount, refunded.Currency));
        Assert.Equal(refunded, await RefundAsync(command.OrderId));

        Assert.Equal("Refunded", await fixture.PaymentStatusAsync(command.OrderId));
        Assert.Equal("voided", await fixture.ProcessorStatusAsync(command.OrderId));
        Assert.False(await CaptureAsync(command.OrderId));
        Assert.Equal("voided", await fixture.ProcessorStatusAsync(command.OrderId));
    }

    [Fact]
    public async Task A_refund_before_the_charge_means_the_late_charge_never_reaches_the_processor()
    {
        var command = Charges.For("tok_visa");

        Assert.Null(await RefundAsync(command.OrderId));
        Assert.Null(await ChargeAsync(command));

        Assert.Equal("RefundRequested", await fixture.PaymentStatusAsync(command.OrderId));
        Assert.Equal(0, await fixture.ProcessorCallsAsync(command.OrderId));
    }

    [Fact]
    public async Task An_authorization_that_succeeds_after_the_refund_was_asked_for_is_refunded()
    {
        var command = Charges.For("tok_slow");
        var charging = Task.Run(() => ChargeAsync(command));
        await Eventually.UntilAsync(() => fixture.ProcessorCallsAsync(command.OrderId), calls => calls == 1, "the slow charge to reach the processor");

        var refunding = Task.Run(() => RefundAsync(command.OrderId));

        Assert.IsType<PaymentAuthorized>(await charging);
        Assert.IsType<PaymentRefunded>(await refunding);
        Assert.Equal("Refunded", await fixture.PaymentStatusAsync(command.OrderId));
        Assert.Equal("voided", await fixture.ProcessorStatusAsync(command.OrderId));
    }

    [Fact]
    public async Task Nothing_is_refunded_for_a_declined_payment()
    {
        var command = Charges.For("tok_declined");
        await ChargeAsync(command);

        Assert.Null(await RefundAsync(command.OrderId));
        Assert.Equal("Declined", await fixture.PaymentStatusAsync(command.OrderId));
    }

    [Fact]
    public async Task A_confirmed_order_is_captured_once_and_a_later_refund_refunds_the_capture()
    {
        var command = Charges.For("tok_visa");
        await ChargeAsync(command);

        Assert.True(await CaptureAsync(command.OrderId));
        Assert.False(await CaptureAsync(command.OrderId));
        Assert.Equal("Captured", await fixture.PaymentStatusAsync(command.OrderId));
        Assert.Equal("captured", await fixture.ProcessorStatusAsync(command.OrderId));

        Assert.IsType<PaymentRefunded>(await RefundAsync(command.OrderId));
        Assert.Equal("refunded", await fixture.ProcessorStatusAsync(command.OrderId));
    }

    [Fact]
    public async Task Capturing_an_order_without_a_payment_does_nothing() =>
        Assert.False(await CaptureAsync(Guid.NewGuid()));
}
