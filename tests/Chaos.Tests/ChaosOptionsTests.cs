namespace ECommerce.Chaos.Tests;

public sealed class ChaosOptionsTests
{
    [Fact]
    public void Command_line_sets_scenario_report_duration_gateway_and_services()
    {
        var o = ChaosOptions.Parse(["payment-outage", "--report", "r.json", "--duration", "2m", "--gateway", "http://127.0.0.1:9090",
            "--service", "payment=http://127.0.0.1:5106", "--users", "4"]);
        Assert.Equal("payment-outage", o.Scenario);
        Assert.Equal("r.json", o.ReportPath);
        Assert.Equal(TimeSpan.FromMinutes(2), o.Duration);
        Assert.Equal(new Uri("http://127.0.0.1:9090"), o.Gateway);
        Assert.Equal(new Uri("http://127.0.0.1:5106"), o.Services["payment"]);
        Assert.Equal(4, o.Users);
    }

    [Fact]
    public void All_plays_every_scenario_and_excludes_naming_one()
    {
        Assert.True(ChaosOptions.Parse(["--all", "--duration", "20s"]).All);
        Assert.Throws<ArgumentException>(() => ChaosOptions.Parse(["--all", "flash-sale"]));
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1500ms", 1_500)]
    [InlineData("00:00:05", 5_000)]
    public void Durations_read_in_seconds_minutes_or_milliseconds(string text, int ms) =>
        Assert.Equal(TimeSpan.FromMilliseconds(ms), ChaosOptions.ParseSpan(text));

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--users", "0")]
    [InlineData("--duration", "soon")]
    [InlineData("--service", "payment")]
    [InlineData("a", "b")]
    public void Bad_arguments_are_refused(params string[] args) =>
        Assert.Throws<ArgumentException>(() => ChaosOptions.Parse(args));

    [Fact]
    public void Every_scenario_of_the_issue_is_known_and_described()
    {
        string[] names = ["payment-outage", "slow-inventory", "kill-order-service", "broker-restart", "redis-down", "database-restart", "flash-sale"];
        Assert.Equal(names.Order(), ScenarioCatalog.All.Select(s => s.Name).Order());
        Assert.All(ScenarioCatalog.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Description + s.Expectation)));
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var summary = LatencySummary.Of(Enumerable.Range(1, 100).Select(i => (double)i).ToList());
        Assert.Equal((100, 50.0, 99.0), (summary.Count, summary.P50Ms!.Value, summary.P99Ms!.Value));
        Assert.Null(LatencySummary.Of([]).P50Ms);
    }
}
