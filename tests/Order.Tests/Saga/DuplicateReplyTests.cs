using ECommerce.Contracts;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Saga;

namespace ECommerce.Order.Tests.Saga;

/// <summary>Replies are redelivered and arrive late; whatever no longer fits the state changes nothing.</summary>
public sealed class DuplicateReplyTests
{
    [Fact]
    public void Stock_reserved_twice_charges_once()
    {
        var saga = SagaScenario.Placed();
        var reply = new StockReserved(saga.OrderId, SagaScenario.Start.AddMinutes(5));
        saga.On(reply);

        Assert.True(saga.On(reply).IsNothing);
        Assert.Equal(2, saga.Order.Version);
    }

    [Fact]
    public void Payment_authorized_twice_confirms_once()
    {
        var saga = SagaScenario.Reserved();
        var reply = new PaymentAuthorized(saga.OrderId, Guid.NewGuid(), 23.00m, "EUR");
        saga.On(reply);

        Assert.True(saga.On(reply).IsNothing);
        Assert.Equal(OrderStatus.Confirmed, saga.Order.Status);
    }

    [Fact]
    public void Replies_for_a_confirmed_order_change_nothing()
    {
        var saga = SagaScenario.Reserved();
        saga.On(new PaymentAuthorized(saga.OrderId, Guid.NewGuid(), 23.00m, "EUR"));
        saga.Now = SagaScenario.Start.AddHours(1);

        object[] stale =
        [
            new StockReservationFailed(saga.OrderId, ["p-1"]), new StockReserved(saga.OrderId, SagaScenario.Start),
            new PaymentDeclined(saga.OrderId, "card_declined"), new PaymentUnavailable(saga.OrderId, "down"),
            new StockReleased(saga.OrderId), new PaymentRefunded(saga.OrderId, Guid.NewGuid(), 1m, "EUR"),
            new DeadlinePassed(saga.OrderId),
        ];
        foreach (var reply in stale) Assert.True(saga.On(reply).IsNothing, reply.GetType().Name);
        Assert.Equal(OrderStatus.Confirmed, saga.Order.Status);
    }

    [Fact]
    public void Payment_replies_before_stock_is_reserved_are_ignored()
    {
        var saga = SagaScenario.Placed();

        Assert.True(saga.On(new PaymentDeclined(saga.OrderId, "card_declined")).IsNothing);
        Assert.True(saga.On(new PaymentAuthorized(saga.OrderId, Guid.NewGuid(), 23m, "EUR")).IsNothing);
        Assert.Equal(OrderStatus.Pending, saga.Order.Status);
    }

    [Fact]
    public void Decline_after_a_timeout_adds_nothing()
    {
        var saga = SagaScenario.Reserved();
        saga.Now = SagaScenario.Start.AddMinutes(1);
        saga.On(new DeadlinePassed(saga.OrderId));

        Assert.True(saga.On(new PaymentDeclined(saga.OrderId, "card_declined")).IsNothing);
        Assert.Equal(CancellationReason.Timeout, saga.Order.FailureReason);
    }
}
