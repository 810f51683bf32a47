using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Payment.Tests;

/// <summary>Through the real broker: a command published on the events exchange, the reply observed on a test queue.</summary>
[Collection(PaymentCollection.Name)]
public sealed class BrokerTests(PaymentFixture fixture)
{
    private IMessagePublisher Publisher => fixture.Service.Services.GetRequiredService<IMessagePublisher>();

    [Fact]
    public async Task ChargePayment_through_the_broker_answers_PaymentAuthorized_and_OrderConfirmed_captures()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(PaymentAuthorized));
        var command = Charges.For("tok_visa");

        await Publisher.PublishAsync(command);
        await probe.WaitForAsync(nameof(PaymentAuthorized), command.OrderId);

        await Publisher.PublishAsync(new OrderConfirmed(command.OrderId, "user-1", [], command.Amount, "USD", DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => fixture.PaymentStatusAsync(command.OrderId), s => s == "Captured", "the capture");
        Assert.Equal("captured", await fixture.ProcessorStatusAsync(command.OrderId));
    }

    [Fact]
    public async Task A_declined_card_through_the_broker_answers_PaymentDeclined()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(PaymentDeclined));
        var command = Charges.For("tok_insufficient_funds");

        await Publisher.PublishAsync(command);

        var declined = Assert.Single(await probe.WaitForAsync(nameof(PaymentDeclined), command.OrderId));
        Assert.Equal("insufficient_funds", declined.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_same_charge_delivered_twice_authorizes_once_and_RefundPayment_answers_PaymentRefunded()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(PaymentAuthorized), nameof(PaymentRefunded));
        var command = Charges.For("tok_visa");
        var envelope = MessageEnvelope.Create(command);

        await Publisher.PublishAsync(envelope);
        await Publisher.PublishAsync(envelope);
        await Publisher.PublishAsync(command);
        await probe.WaitForAsync(nameof(PaymentAuthorized), command.OrderId, count: 2);
        Assert.Equal(1, await fixture.ProcessorCallsAsync(command.OrderId));

        await Publisher.PublishAsync(new RefundPayment(command.OrderId, "CancelledByCustomer"));
        await probe.WaitForAsync(nameof(PaymentRefunded), command.OrderId);
        Assert.Equal("voided", await fixture.ProcessorStatusAsync(command.OrderId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM payments WHERE order_id = $1", command.OrderId));
    }

    [Fact]
    public async Task A_processor_that_stays_down_answers_PaymentUnavailable_through_the_broker()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(PaymentUnavailable), nameof(PaymentAuthorized));
        var command = Charges.For("tok_error");

        await Publisher.PublishAsync(command);

        await probe.WaitForAsync(nameof(PaymentUnavailable), command.OrderId);
        Assert.Equal(0, probe.Count(nameof(PaymentAuthorized), command.OrderId));
        Assert.Equal(PaymentFixture.Retries + 1, await fixture.ProcessorCallsAsync(command.OrderId));
    }

    [Fact]
    public async Task A_slow_authorization_refunded_while_in_flight_answers_PaymentAuthorized_then_PaymentRefunded()
    {
        await fixture.WaitForConsumerAsync();
        await using var probe = await EventProbe.StartAsync(fixture.BrokerUri, nameof(PaymentAuthorized), nameof(PaymentRefunded));
        var command = Charges.For("tok_slow");

        await Publisher.PublishAsync(command);
        await Eventually.UntilAsync(() => fixture.ProcessorCallsAsync(command.OrderId), calls => calls == 1, "the slow charge to reach the processor");
        await Publisher.PublishAsync(new RefundPayment(command.OrderId, "Timeout"));

        await probe.WaitForAsync(nameof(PaymentRefunded), command.OrderId);
        Assert.Equal(1, probe.Count(nameof(PaymentAuthorized), command.OrderId));
        Assert.Equal("Refunded", await fixture.PaymentStatusAsync(command.OrderId));
        Assert.Equal("voided", await fixture.ProcessorStatusAsync(command.OrderId));
    }
}
