namespace ECommerce.Chaos.Tests;

/// <summary>Plays a scenario against the fixture's system, short, the way <c>./chaos.sh</c> does.</summary>
public static class ScenarioRun
{
    public static async Task<(ChaosReport Report, string Output)> PlayAsync(ChaosFixture system, string name)
    {
        // A scenario starts from a whole system: the previous one's restarts must be over.
        await system.AllHealthyAsync();
        var options = new ChaosOptions
        {
            Scenario = name,
            Duration = TimeSpan.FromSeconds(12),
            SettleTimeout = TimeSpan.FromSeconds(60),
            Users = 8,
            Products = 2,
            Quiet = true,
        };
        var output = new StringWriter();
        var report = await ChaosRunner.RunAsync(options, ScenarioCatalog.Find(name)!, system, output, CancellationToken.None);
        return (report, $"{output}\n{ReportJson.Serialize(report)}");
    }
}
