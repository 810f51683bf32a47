using ECommerce.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ECommerce.Gateway.Tests;

/// <summary>
/// The gateway in-process, its service endpoints pointed at test upstreams as the hosts would, its rate limits in the
/// test run's shared Redis under a key prefix of its own (unless the settings name one, to share limits on purpose).
/// </summary>
internal sealed class GatewayFactory(Dictionary<string, string> services, Dictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:redis", TestServers.SharedRedisAsync().GetAwaiter().GetResult().ConnectionString);
        builder.UseSetting("RateLimiting:KeyPrefix", $"{TestServers.NewName("gw")}:");
        foreach (var (name, url) in services) builder.UseSetting($"services:{name}:http:0", url);
        foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
    }
}
