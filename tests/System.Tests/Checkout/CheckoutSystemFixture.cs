namespace ECommerce.System.Tests.Checkout;

/// <summary>
/// The whole system for the checkout tests, with the saga's clocks set so every path fits in a test: an order
/// left unfinished for 40 s times out (longer than a broker restart takes), and <c>tok_slow</c> answers after 45 s,
/// so its success always comes late.
/// Generous per-user limits at the edge: these tests poll orders, they do not test the limiter.
/// </summary>
public sealed class CheckoutSystemFixture : DevHostFixture
{
    public static readonly TimeSpan SagaTimeout = TimeSpan.FromSeconds(40);
    public static readonly TimeSpan SlowCardDelay = TimeSpan.FromSeconds(45);

    protected override IEnumerable<string> ExtraArguments =>
    [
        "--env", $"order:Order__Saga__Timeout={SagaTimeout:c}",
        "--env", $"payment:Payment__Processor__SlowDelay={SlowCardDelay:c}",
        // The slow card must be able to answer at all: the processor's attempt timeout outlasts its delay.
        "--env", "payment:Resilience__Dependencies__processor__AttemptTimeout=00:01:00",
        "--env", "payment:Resilience__Dependencies__processor__TotalTimeout=00:02:30",
        "--env", "payment:Resilience__Http__processor__AttemptTimeout=00:01:00",
        "--env", "payment:Resilience__Http__processor__TotalTimeout=00:02:30",
        "--env", "gateway:RateLimiting__PerUser__PermitLimit=100000",
        "--env", "gateway:RateLimiting__PerIp__PermitLimit=100000",
    ];
}

[CollectionDefinition(Name)]
public sealed class CheckoutSystemCollection : ICollectionFixture<CheckoutSystemFixture>
{
    public const string Name = "Checkout system";
}
