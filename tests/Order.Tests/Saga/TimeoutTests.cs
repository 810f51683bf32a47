using ECommerce.Contracts;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Saga;
using DomainEvents = ECommerce.Order.Api.Domain.Events;

namespace ECommerce.Order.Tests.Saga;

public sealed class TimeoutTests
{
    [Fact]
    public void Deadline_not_yet_reached_changes_nothing()
    {
        var saga = SagaScenario.Reserved();

        Assert.True(saga.On(new DeadlinePassed(saga.OrderId)).IsNothing);
        Assert.Equal(OrderStatus.StockReserved, saga.Order.Status);
    }

    [Fact]
    public void Timeout_while_waiting_for_stock_releases_whatever_may_be_reserved_and_charges_nothing()
    {
        var saga = SagaScenario.Placed();
        saga.Now = SagaScenario.Start + SagaScenario.Options.Timeout;

        var decision = saga.On(new DeadlinePassed(saga.OrderId));

        Assert.Equal(CancellationReason.Timeout, Assert.IsType<DomainEvents.OrderCancelled>(Assert.Single(decision.Events)).Reason);
        Assert.Contains(new ReleaseStock(saga.OrderId, "Timeout"), decision.Messages);
        Assert.DoesNotContain(decision.Messages, m => m is RefundPayment);
    }

    [Fact]
    public void Timeout_waiting_for_payment_releases_stock_and_refunds_a_payment_still_in_flight()
    {
        var saga = SagaScenario.Reserved();
        saga.Now = SagaScenario.Start + SagaScenario.Options.Timeout;

        var decision = saga.On(new DeadlinePassed(saga.OrderId));

        var cancelled = Assert.IsType<DomainEvents.OrderCancelled>(Assert.Single(decision.Events));
        Assert.True(cancelled.StockReleaseRequested && cancelled.RefundRequested);
        Assert.Collection(decision.Messages,
            m => Assert.Equal(new ReleaseStock(saga.OrderId, "Timeout"), m),
            m => Assert.Equal(new RefundPayment(saga.OrderId, "Timeout"), m),
            m => Assert.Equal("Timeout", Assert.IsType<OrderCancelled>(m).Reason));
        Assert.Equal((OrderStatus.Cancelled, CancellationReason.Timeout), (saga.Order.Status, saga.Order.FailureReason));
    }

    [Fact]
    public void Payment_that_succeeds_after_the_timeout_is_refunded_once()
    {
        var saga = SagaScenario.Reserved();
        saga.Now = SagaScenario.Start + SagaScenario.Options.Timeout;
        saga.On(new DeadlinePassed(saga.OrderId));
        var late = new PaymentAuthorized(saga.OrderId, Guid.NewGuid(), 23.00m, "EUR");

        var decision = saga.On(late);
        var redelivered = saga.On(late);

        Assert.Equal(late.PaymentId, Assert.IsType<DomainEvents.OrderLatePaymentRefundRequested>(Assert.Single(decision.Events)).PaymentId);
        Assert.Equal(new RefundPayment(saga.OrderId, "Timeout"), Assert.Single(decision.Messages));
        Assert.True(redelivered.IsNothing);
        Assert.Equal(OrderStatus.Cancelled, saga.Order.Status);
    }

    [Fact]
    public void Stock_reserved_after_the_timeout_is_released_again_once()
    {
        var saga = SagaScenario.Placed();
        saga.Now = SagaScenario.Start + SagaScenario.Options.Timeout;
        saga.On(new DeadlinePassed(saga.OrderId));
        var late = new StockReserved(saga.OrderId, SagaScenario.Start.AddMinutes(5));

        var decision = saga.On(late);
        var redelivered = saga.On(late);

        Assert.IsType<DomainEvents.OrderLateStockReleaseRequested>(Assert.Single(decision.Events));
        Assert.Equal(new ReleaseStock(saga.OrderId, "Timeout"), Assert.Single(decision.Messages));
        Assert.True(redelivered.IsNothing);
        Assert.DoesNotContain(saga.History, e => e is DomainEvents.OrderStockReserved);
    }

    [Fact]
    public void Refund_confirmation_after_a_timeout_is_recorded()
    {
        var saga = SagaScenario.Reserved();
        saga.Now = SagaScenario.Start + SagaScenario.Options.Timeout;
        saga.On(new DeadlinePassed(saga.OrderId));

        var decision = saga.On(new PaymentRefunded(saga.OrderId, Guid.NewGuid(), 23.00m, "EUR"));

        Assert.IsType<DomainEvents.OrderPaymentRefunded>(Assert.Single(decision.Events));
        Assert.True(saga.Order.PaymentRefunded);
    }
}
