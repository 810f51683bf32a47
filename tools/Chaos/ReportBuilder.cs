namespace ECommerce.Chaos;

/// <summary>Turns a finished run into its report, and decides <c>passed</c>.</summary>
public static class ReportBuilder
{
    private static readonly Phase[] LoadPhases = [Phase.Before, Phase.Fault, Phase.Recovery];

    public static ChaosReport Build(ChaosRun run, Scenario scenario, DateTimeOffset started, int users,
        IReadOnlyList<TrackedOrder> stuck, List<string> doubleCharges, List<StockLine> stock)
    {
        var orders = run.Orders.Values.ToList();
        var breakersSeen = run.Breakers.Seen.ToList();
        var report = new ChaosReport
        {
            Scenario = scenario.Name,
            StartedAt = started,
            DurationSeconds = Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds, 1),
            Users = users,
            Accepted = orders.Count,
            Confirmed = orders.Count(o => o.Status == "Confirmed"),
            Cancelled = orders.Where(o => o.Status == "Cancelled").GroupBy(o => o.FailureReason ?? "unknown")
                .OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            OrdersByPhase = orders.GroupBy(o => o.AcceptedIn).OrderBy(g => g.Key).ToDictionary(
                g => g.Key.ToString().ToLowerInvariant(),
                g => g.GroupBy(Label).OrderBy(s => s.Key).ToDictionary(s => s.Key, s => s.Count())),
            Stuck = stuck.Count,
            StuckOrders = stuck.Select(o => $"{o.Id} ({o.Status}, user {o.User}, accepted in {o.AcceptedIn})").ToList(),
            DoubleCharges = doubleCharges.Count,
            DoubleChargedOrders = doubleCharges,
            StockConserved = stock.All(s => s.Conserved),
            Stock = stock,
            BreakerOpened = breakersSeen.Count == 0 ? null : run.Breakers.Opened.Count > 0,
            BreakersOpened = run.Breakers.Opened.ToList(),
            BreakersSeen = breakersSeen,
            Latency = new()
            {
                ["checkoutToTerminal"] = LoadPhases.ToDictionary(Key, p => run.Tally.Summary(p, "checkout")),
                ["browse"] = LoadPhases.ToDictionary(Key, p => run.Tally.Summary(p, "browse")),
            },
            Outcomes = run.Tally.Outcomes(),
        };
        if (report.Accepted == 0 && scenario.FlashSaleUnits is null) report.Failures.Add("no checkout was accepted at all");
        if (report.Stuck > 0) report.Failures.Add($"{report.Stuck} accepted orders not terminal within {run.Options.SettleTimeout.TotalSeconds} s");
        if (report.DoubleCharges > 0) report.Failures.Add($"{report.DoubleCharges} orders charged twice");
        if (!report.StockConserved) report.Failures.Add("stock not conserved: " + string.Join("; ",
            stock.Where(s => !s.Conserved).Select(s => $"{s.ProductId} start {s.OnHandStart} sold {s.Sold} now {s.OnHandNow} reserved {s.Reserved}")));
        report.Failures.AddRange(scenario.Expect(run, report));
        report.Passed = report.Failures.Count == 0;
        lock (run.Notes) report.Notes.AddRange(run.Notes);
        return report;
    }

    private static string Key(Phase p) => p.ToString().ToLowerInvariant();

    private static string Label(TrackedOrder o) => o.Status == "Cancelled" ? $"Cancelled({o.FailureReason})" : o.Status;
}
