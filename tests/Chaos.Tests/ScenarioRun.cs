using System.Net.Http.Json;

namespace ECommerce.Chaos.Tests;

/// <summary>Plays a scenario against the fixture's system, short, the way <c>./chaos.sh</c> does.</summary>
public static class ScenarioRun
{
    private static readonly TimeSpan HealthyBound = TimeSpan.FromSeconds(120);

    public static async Task<(ChaosReport Report, string Output)> PlayAsync(DevHostFixture system, string name)
    {
        await AllHealthyAsync(system);
        var options = new ChaosOptions
        {
            Scenario = name,
            Duration = TimeSpan.FromSeconds(12),
            SettleTimeout = TimeSpan.FromSeconds(60),
            DevHost = system.StateDirectory,
            Users = 8,
            Products = 2,
            Quiet = true,
        };
        var output = new StringWriter();
        var report = await ChaosRunner.RunAsync(options, ScenarioCatalog.Find(name)!, BuildInfo.RepoRoot, output, CancellationToken.None);
        return (report, $"{output}\n{ReportJson.Serialize(report)}");
    }

    /// <summary>A scenario starts from a whole system: the previous one's restarts must be over.</summary>
    private static async Task AllHealthyAsync(DevHostFixture system)
    {
        var deadline = DateTime.UtcNow + HealthyBound;
        while (true)
        {
            var resources = await system.Control.GetFromJsonAsync<List<DevHostControl.Resource>>("/resources");
            var unhealthy = resources!.Where(r => r.State != "Healthy").Select(r => $"{r.Name} {r.State}").ToList();
            if (unhealthy.Count == 0) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not healthy within {HealthyBound.TotalSeconds} s: {string.Join(", ", unhealthy)}");
            await Task.Delay(500);
        }
    }
}
