using ECommerce.SystemInfrastructure;

namespace ECommerce.Checkout.Bench;

/// <summary>
/// The whole system from the AppHost for the benchmark: limits out of the way (this measures the saga, not the
/// limiter) and a saga timeout far beyond any wait here.
/// </summary>
public sealed class BenchSystem : ShopSystem
{
    protected override IEnumerable<(string Resource, string Key, string Value)> Settings =>
    [
        ("gateway", "RateLimiting__PerUser__PermitLimit", "1000000"),
        ("gateway", "RateLimiting__PerIp__PermitLimit", "1000000"),
        ("order", "Order__Saga__Timeout", "00:02:00"),
    ];
}
