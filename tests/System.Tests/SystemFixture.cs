using ECommerce.SystemInfrastructure;

namespace ECommerce.System.Tests;

/// <summary>
/// The whole system once for every test of this assembly, with the saga's clocks set so every path fits in a test: an
/// order left unfinished for 40 s times out (longer than a broker restart takes), and <c>tok_slow</c> answers after
/// 45 s, so its success always comes late. Generous per-user limits at the edge: these tests poll orders, they do not
/// test the limiter.
/// </summary>
public sealed class SystemFixture : ShopSystem, IAsyncLifetime
{
    public static readonly TimeSpan SagaTimeout = TimeSpan.FromSeconds(40);
    public static readonly TimeSpan SlowCardDelay = TimeSpan.FromSeconds(45);

    /// <summary>Set when the fixture's stop ran: the shutdown test, in the collection run last, checks its outcome.</summary>
    public static Task? Stopped { get; private set; }

    protected override IEnumerable<(string Resource, string Key, string Value)> Settings =>
    [
        ("order", "Order__Saga__Timeout", $"{SagaTimeout:c}"),
        ("payment", "Payment__Processor__SlowDelay", $"{SlowCardDelay:c}"),
        // The slow card must be able to answer at all: the processor's attempt timeout outlasts its delay.
        ("payment", "Resilience__Dependencies__processor__AttemptTimeout", "00:01:00"),
        ("payment", "Resilience__Dependencies__processor__TotalTimeout", "00:02:30"),
        ("payment", "Resilience__Http__processor__AttemptTimeout", "00:01:00"),
        ("payment", "Resilience__Http__processor__TotalTimeout", "00:02:30"),
        ("gateway", "RateLimiting__PerUser__PermitLimit", "100000"),
        ("gateway", "RateLimiting__PerIp__PermitLimit", "100000"),
    ];

    async Task IAsyncLifetime.DisposeAsync()
    {
        Stopped = StopAsync();
        try
        {
            await Stopped;
        }
        catch (InvalidOperationException)
        {
            // Reported by the shutdown test, where a dirty stop is a failed test rather than a cleanup message.
        }
        finally
        {
            await DisposeAsync();
        }
    }
}

/// <summary>One running system for every test that needs it; the shutdown check runs after it (<see cref="RunsLastOrderer"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "System";
}
