using ECommerce.Contracts;
using ECommerce.Order.Api.Domain;
using DomainEvents = ECommerce.Order.Api.Domain.Events;

namespace ECommerce.Order.Tests.Saga;

public sealed class HappyPathTests
{
    [Fact]
    public void Checkout_places_a_pending_order_and_reserves_its_stock_until_after_the_deadline()
    {
        var saga = SagaScenario.Placed();

        var placed = Assert.IsType<DomainEvents.OrderPlaced>(Assert.Single(saga.History));
        Assert.Equal(OrderStatus.Pending, saga.Order.Status);
        Assert.Equal(SagaScenario.Start + SagaScenario.Options.Timeout, placed.Deadline);
        Assert.Equal(1, saga.Order.Version);
        Assert.Equal(23.00m, saga.Order.Total);
    }

    [Fact]
    public void Start_sends_ReserveStock_with_every_line_and_a_reservation_longer_than_the_saga()
    {
        var decision = Api.Saga.OrderSaga.Start(Guid.NewGuid(), "u", SagaScenario.Lines, 23m, "EUR",
            new ShippingAddress("A", "B", "C", "D", "E"), "tok_visa", SagaScenario.Start, SagaScenario.Options);

        var reserve = Assert.IsType<ReserveStock>(Assert.Single(decision.Messages));
        Assert.Equal(SagaScenario.Lines, reserve.Lines);
        Assert.True(reserve.ExpiresAt > ((DomainEvents.OrderPlaced)decision.Events[0]).Deadline);
    }

    [Fact]
    public void Stock_reserved_charges_the_order_total_on_the_customers_card()
    {
        var saga = SagaScenario.Placed();

        var decision = saga.On(new StockReserved(saga.OrderId, SagaScenario.Start.AddMinutes(5)));

        Assert.IsType<DomainEvents.OrderStockReserved>(Assert.Single(decision.Events));
        var charge = Assert.IsType<ChargePayment>(Assert.Single(decision.Messages));
        Assert.Equal(new ChargePayment(saga.OrderId, "user-1", 23.00m, "EUR", "tok_visa"), charge);
        Assert.Equal(OrderStatus.StockReserved, saga.Order.Status);
    }

    [Fact]
    public void Payment_authorized_confirms_the_order_and_announces_it()
    {
        var saga = SagaScenario.Reserved();
        var paymentId = Guid.NewGuid();

        var decision = saga.On(new PaymentAuthorized(saga.OrderId, paymentId, 23.00m, "EUR"));

        Assert.Collection(decision.Events,
            e => Assert.Equal(paymentId, Assert.IsType<DomainEvents.OrderPaymentAuthorized>(e).PaymentId),
            e => Assert.Equal(23.00m, Assert.IsType<DomainEvents.OrderConfirmed>(e).Total));
        var confirmed = Assert.IsType<OrderConfirmed>(Assert.Single(decision.Messages));
        Assert.Equal((saga.OrderId, "user-1", 23.00m, "EUR"), (confirmed.OrderId, confirmed.UserId, confirmed.Total, confirmed.Currency));
        Assert.Equal(SagaScenario.Lines, confirmed.Lines);
        Assert.Equal(OrderStatus.Confirmed, saga.Order.Status);
        Assert.Null(saga.Order.FailureReason);
        Assert.Equal(4, saga.Order.Version);
    }

    [Fact]
    public void Folding_the_history_again_gives_the_same_order()
    {
        var saga = SagaScenario.Reserved();
        saga.On(new PaymentAuthorized(saga.OrderId, Guid.NewGuid(), 23.00m, "EUR"));

        var replayed = OrderAggregate.Fold(saga.History);

        Assert.Equal(saga.Order.Status, replayed.Status);
        Assert.Equal(saga.Order.Version, replayed.Version);
        Assert.Equal(saga.Order.UpdatedAt, replayed.UpdatedAt);
        Assert.Equal(saga.Order.PaymentId, replayed.PaymentId);
    }
}
