using ECommerce.Contracts;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Saga;
using DomainEvents = ECommerce.Order.Api.Domain.Events;

namespace ECommerce.Order.Tests.Saga;

public sealed class CustomerCancelTests
{
    [Fact]
    public void Customer_cancel_of_a_pending_order_releases_stock_that_may_be_in_flight()
    {
        var saga = SagaScenario.Placed();

        var decision = saga.On(new CancelRequested(saga.OrderId));

        Assert.Null(decision.Rejected);
        Assert.Equal(CancellationReason.CancelledByCustomer, Assert.IsType<DomainEvents.OrderCancelled>(Assert.Single(decision.Events)).Reason);
        Assert.Contains(new ReleaseStock(saga.OrderId, "CancelledByCustomer"), decision.Messages);
        Assert.DoesNotContain(decision.Messages, m => m is RefundPayment);
        Assert.Equal(CancellationReason.CancelledByCustomer, saga.Order.FailureReason);
    }

    [Fact]
    public void Customer_cancel_while_payment_is_in_flight_releases_stock_and_refunds()
    {
        var saga = SagaScenario.Reserved();

        var decision = saga.On(new CancelRequested(saga.OrderId));

        Assert.Contains(new ReleaseStock(saga.OrderId, "CancelledByCustomer"), decision.Messages);
        Assert.Contains(new RefundPayment(saga.OrderId, "CancelledByCustomer"), decision.Messages);
        Assert.Contains(decision.Messages, m => m is OrderCancelled { Reason: "CancelledByCustomer" });
    }

    [Fact]
    public void Customer_cannot_cancel_a_confirmed_order()
    {
        var saga = SagaScenario.Reserved();
        saga.On(new PaymentAuthorized(saga.OrderId, Guid.NewGuid(), 23.00m, "EUR"));

        var decision = saga.On(new CancelRequested(saga.OrderId));

        Assert.NotNull(decision.Rejected);
        Assert.True(decision.IsNothing);
        Assert.Equal(OrderStatus.Confirmed, saga.Order.Status);
    }

    [Fact]
    public void Customer_cannot_cancel_twice()
    {
        var saga = SagaScenario.Placed();
        saga.On(new CancelRequested(saga.OrderId));

        Assert.NotNull(saga.On(new CancelRequested(saga.OrderId)).Rejected);
        Assert.Single(saga.History, e => e is DomainEvents.OrderCancelled);
    }
}
