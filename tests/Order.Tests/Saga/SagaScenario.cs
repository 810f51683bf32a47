using ECommerce.Contracts;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Saga;

namespace ECommerce.Order.Tests.Saga;

/// <summary>An order walked through the pure saga: each step decides, then folds what it decided.</summary>
internal sealed class SagaScenario
{
    public static readonly SagaOptions Options = new() { Timeout = TimeSpan.FromSeconds(30), ReservationLifetime = TimeSpan.FromMinutes(5) };
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    public Guid OrderId { get; } = Guid.NewGuid();
    public OrderAggregate Order { get; } = new();
    public List<object> History { get; } = [];
    public DateTimeOffset Now { get; set; } = Start;

    public static readonly IReadOnlyList<OrderLine> Lines =
        [new("p-1", "Mug", 2, 9.50m), new("p-2", "Tea", 1, 4.00m)];

    public static SagaScenario Placed()
    {
        var scenario = new SagaScenario();
        scenario.Fold(OrderSaga.Start(scenario.OrderId, "user-1", Lines, 23.00m, "EUR",
            new ShippingAddress("Ada", "1 Main St", "Paris", "75001", "FR"), "tok_visa", Start, Options));
        return scenario;
    }

    public static SagaScenario Reserved()
    {
        var scenario = Placed();
        scenario.On(new StockReserved(scenario.OrderId, Start.AddMinutes(5)));
        return scenario;
    }

    public SagaDecision On(object trigger)
    {
        Now = Now.AddSeconds(1);
        var decision = OrderSaga.Decide(Order, trigger, Now);
        return Fold(decision);
    }

    private SagaDecision Fold(SagaDecision decision)
    {
        foreach (var e in decision.Events)
        {
            Order.When(e);
            History.Add(e);
        }
        return decision;
    }
}
