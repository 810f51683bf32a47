using ECommerce.ServiceDefaults.Resilience;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.ServiceDefaults.Tests;

/// <summary>Settings for a caller whose dependencies are test upstreams, with short delays so tests run fast.</summary>
internal static class Callers
{
    public static Dictionary<string, string?> Settings(params (string Dependency, Upstream Upstream)[] dependencies)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Resilience:Defaults:Retry:BaseDelay"] = "00:00:00.010",
            ["Resilience:Defaults:Breaker:MinimumThroughput"] = "100",
        };
        foreach (var (name, upstream) in dependencies) settings[$"services:{name}:http:0"] = upstream.BaseAddress.ToString();
        return settings;
    }

    /// <summary>A service that declares (<c>AddDependency</c>) every dependency its settings give an address.</summary>
    public static Task<TestApp> StartAsync(Dictionary<string, string?> settings, Action<WebApplication>? map = null) =>
        TestApp.StartAsync(map ?? (_ => { }), settings, b =>
        {
            foreach (var key in settings.Keys.Where(k => k.StartsWith("services:", StringComparison.Ordinal)))
                b.Services.AddDependency(key.Split(':')[1]);
        });

    public static HttpClient Client(this TestApp caller, string dependency) =>
        caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient(dependency);
}
