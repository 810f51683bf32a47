namespace ECommerce.Chaos;

/// <summary>The final table: orders, invariants, latency per phase, the verdict.</summary>
public static class ResultTable
{
    public static void Write(ChaosReport r, TextWriter output)
    {
        string Row(string name, object? value) => $"  {name,-28} {value}";
        output.WriteLine();
        output.WriteLine($"== {r.Scenario}: {(r.Passed ? "PASSED" : "FAILED")} ({r.DurationSeconds:0} s, {r.Users} users)");
        output.WriteLine(Row("accepted", r.Accepted));
        output.WriteLine(Row("confirmed", r.Confirmed));
        output.WriteLine(Row("cancelled", r.Cancelled.Count == 0 ? "0" : string.Join(", ", r.Cancelled.Select(c => $"{c.Key} {c.Value}"))));
        foreach (var (phase, counts) in r.OrdersByPhase)
            output.WriteLine(Row($"  accepted in {phase}", string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))));
        output.WriteLine(Row("recovered after", r.RecoverySeconds is { } s ? $"{s:0.0} s (Healthy, breakers closed)" : "not within 90 s"));
        output.WriteLine(Row("stuck (must be 0)", r.Stuck));
        output.WriteLine(Row("double charges (must be 0)", r.DoubleCharges));
        output.WriteLine(Row("stock conserved", r.StockConserved ? "yes" : "NO"));
        output.WriteLine(Row("breaker opened", r.BreakerOpened switch
        {
            null => "not reported by any service",
            true => "yes: " + string.Join(", ", r.BreakersOpened),
            false => "no",
        }));
        output.WriteLine($"  {"p50 / p99",-28} {"before",-26}{"fault",-26}{"recovery"}");
        foreach (var (what, phases) in r.Latency)
            output.WriteLine($"  {what,-28} {phases["before"],-26}{phases["fault"],-26}{phases["recovery"]}");
        var rejected = r.Outcomes.Where(o => !o.Key.EndsWith(":200") && !o.Key.EndsWith(":202") && !o.Key.EndsWith(":204") && !o.Key.Contains("order:") && !o.Key.Contains("x-cache"));
        output.WriteLine(Row("other answers", string.Join(", ", rejected.Select(o => $"{o.Key} {o.Value}"))));
        foreach (var failure in r.Failures) output.WriteLine($"  FAILED: {failure}");
    }

    /// <summary>After <c>--all</c>: one line per scenario and the invariants over every run.</summary>
    public static void WriteSummary(IReadOnlyList<ChaosReport> reports, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("== summary");
        foreach (var r in reports)
            output.WriteLine($"  {r.Scenario,-20} {(r.Passed ? "PASSED" : "FAILED"),-7} accepted {r.Accepted,5}  confirmed {r.Confirmed,5}  " +
                $"stuck {r.Stuck}  double charges {r.DoubleCharges}  stock conserved {(r.StockConserved ? "yes" : "NO")}");
        output.WriteLine($"  {reports.Count(r => r.Passed)} of {reports.Count} scenarios passed; " +
            $"{reports.Sum(r => r.Stuck)} stuck orders, {reports.Sum(r => r.DoubleCharges)} double charges, " +
            $"stock {(reports.All(r => r.StockConserved) ? "conserved" : "NOT conserved")}");
    }
}
