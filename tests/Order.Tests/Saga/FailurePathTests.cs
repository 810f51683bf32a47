using ECommerce.Contracts;
using ECommerce.Order.Api.Domain;
using DomainEvents = ECommerce.Order.Api.Domain.Events;

namespace ECommerce.Order.Tests.Saga;

public sealed class FailurePathTests
{
    [Fact]
    public void Out_of_stock_cancels_the_order_with_nothing_to_compensate()
    {
        var saga = SagaScenario.Placed();

        var decision = saga.On(new StockReservationFailed(saga.OrderId, ["p-1"]));

        var cancelled = Assert.IsType<DomainEvents.OrderCancelled>(Assert.Single(decision.Events));
        Assert.Equal((CancellationReason.OutOfStock, false, false), (cancelled.Reason, cancelled.StockReleaseRequested, cancelled.RefundRequested));
        var announced = Assert.IsType<OrderCancelled>(Assert.Single(decision.Messages));
        Assert.Equal("OutOfStock", announced.Reason);
        Assert.Equal((OrderStatus.Cancelled, CancellationReason.OutOfStock), (saga.Order.Status, saga.Order.FailureReason));
    }

    [Fact]
    public void Checkout_with_declined_card_releases_the_reservation()
    {
        var saga = SagaScenario.Reserved();

        var decision = saga.On(new PaymentDeclined(saga.OrderId, "card_declined"));

        Assert.Equal(CancellationReason.PaymentDeclined, Assert.IsType<DomainEvents.OrderCancelled>(Assert.Single(decision.Events)).Reason);
        Assert.Collection(decision.Messages,
            m => Assert.Equal(new ReleaseStock(saga.OrderId, "PaymentDeclined"), m),
            m => Assert.Equal("PaymentDeclined", Assert.IsType<OrderCancelled>(m).Reason));
        Assert.DoesNotContain(decision.Messages, m => m is RefundPayment);
        Assert.Equal(CancellationReason.PaymentDeclined, saga.Order.FailureReason);
    }

    [Fact]
    public void Payment_processor_down_releases_the_reservation_and_cancels_as_unavailable()
    {
        var saga = SagaScenario.Reserved();

        var decision = saga.On(new PaymentUnavailable(saga.OrderId, "processor_error"));

        Assert.Contains(new ReleaseStock(saga.OrderId, "PaymentUnavailable"), decision.Messages);
        Assert.DoesNotContain(decision.Messages, m => m is RefundPayment);
        Assert.Equal((OrderStatus.Cancelled, CancellationReason.PaymentUnavailable), (saga.Order.Status, saga.Order.FailureReason));
    }

    [Fact]
    public void Compensation_confirmations_are_recorded_once()
    {
        var saga = SagaScenario.Reserved();
        saga.On(new PaymentDeclined(saga.OrderId, "card_declined"));

        var first = saga.On(new StockReleased(saga.OrderId));
        var again = saga.On(new StockReleased(saga.OrderId));

        Assert.IsType<DomainEvents.OrderStockReleased>(Assert.Single(first.Events));
        Assert.Empty(first.Messages);
        Assert.True(again.IsNothing);
        Assert.True(saga.Order.StockReleased);
    }
}
