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

    public static HttpClient Client(this TestApp caller, string dependency) =>
        caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient(dependency);
}
