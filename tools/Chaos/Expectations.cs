namespace ECommerce.Chaos;

/// <summary>Each scenario's own expectation, beyond the invariants every run checks.</summary>
public static class Expectations
{
    private static int Count(ChaosReport r, Phase phase, string status) =>
        r.OrdersByPhase.TryGetValue(phase.ToString().ToLowerInvariant(), out var counts) ? counts.GetValueOrDefault(status) : 0;

    private static int Outcome(ChaosReport r, Phase phase, string outcome) =>
        r.Outcomes.GetValueOrDefault($"{phase.ToString().ToLowerInvariant()} {outcome}");

    public static IEnumerable<string> RecoversAfter(ChaosReport r)
    {
        if (Count(r, Phase.Recovery, "Confirmed") == 0) yield return "no order accepted after the recovery was Confirmed";
    }

    public static IEnumerable<string> PaymentOutage(ChaosRun run, ChaosReport r)
    {
        foreach (var f in RecoversAfter(r)) yield return f;
        var failedUnderFault = Count(r, Phase.Fault, "Cancelled(PaymentUnavailable)") + Count(r, Phase.Fault, "Cancelled(Timeout)");
        if (failedUnderFault == 0) yield return "no order accepted under the fault ended PaymentUnavailable or Timeout";
        var other = r.Cancelled.Keys.Except(["PaymentUnavailable", "Timeout"]).ToList();
        if (other.Count > 0) yield return $"unexpected cancellations: {string.Join(", ", other)}";
        if (r.BreakerOpened == false) yield return "payment's breaker never opened (breakers seen: " + string.Join(", ", r.BreakersSeen) + ")";
        if (r.BreakerOpened is null)
            run.Note("no service reports a breaker for the processor in /health: breakerOpened cannot be told");
    }

    public static IEnumerable<string> SlowInventory(ChaosReport r)
    {
        if (Count(r, Phase.Fault, "Confirmed") == 0) yield return "no order accepted under the fault was Confirmed";
        if (r.Cancelled.Count > 0) yield return $"orders cancelled: {string.Join(", ", r.Cancelled.Select(c => $"{c.Key} {c.Value}"))}";
    }

    public static IEnumerable<string> RedisDown(ChaosReport r)
    {
        foreach (var f in RecoversAfter(r)) yield return f;
        if (Outcome(r, Phase.Fault, "x-cache:MISS") == 0) yield return "no product read answered 200 with X-Cache MISS under the fault";
        var failedReads = r.Outcomes.Where(o => o.Key.StartsWith("fault product-read:")).Sum(o => o.Value);
        if (failedReads > 0) yield return $"{failedReads} product reads failed under the fault";
        if (Outcome(r, Phase.Fault, "cart:503") == 0) yield return "the cart never answered 503 under the fault";
        if (Outcome(r, Phase.Fault, "cart:503-not-problem") > 0) yield return "a cart 503 was not application/problem+json";
        if (Outcome(r, Phase.Recovery, "cart:200") + Outcome(r, Phase.Recovery, "cart:204") == 0) yield return "the cart did not work again after Redis started";
    }

    public static IEnumerable<string> FlashSale(ChaosRun run, ChaosReport r)
    {
        var units = ScenarioCatalog.Find("flash-sale")!.FlashSaleUnits!.Value;
        if (r.Confirmed != units) yield return $"{r.Confirmed} orders Confirmed, not exactly {units}";
        var other = r.Cancelled.Keys.Except(["OutOfStock"]).ToList();
        if (other.Count > 0) yield return $"cancellations other than OutOfStock: {string.Join(", ", other)}";
        if (r.Accepted <= units) yield return $"only {r.Accepted} checkouts accepted: not more buyers than units";
        if (r.Stock.Any(s => s.OnHandNow != 0 || s.Reserved != 0)) yield return "stock not 0 on hand and 0 reserved after the sale";
    }
}
