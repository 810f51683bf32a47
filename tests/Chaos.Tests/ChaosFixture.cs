using ECommerce.SystemInfrastructure;

namespace ECommerce.Chaos.Tests;

/// <summary>
/// The whole system once for every scenario, with settings that keep each scenario short: a saga gives up after 8 s
/// instead of 30 (orders stalled by a fault end sooner), and the processor's breaker stays open 3 s instead of 15
/// (payment-outage recovers within its short recovery phase).
/// </summary>
public sealed class ChaosFixture : ShopSystem, IAsyncLifetime
{
    protected override IEnumerable<(string Resource, string Key, string Value)> Settings =>
    [
        ("order", "Order__Saga__Timeout", "00:00:08"),
        ("payment", "Resilience__Dependencies__processor__Breaker__BreakDuration", "00:00:03"),
    ];

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
