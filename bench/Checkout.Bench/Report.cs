namespace ECommerce.Checkout.Bench;

/// <summary>The benchmark's section of docs/benchmarks.md.</summary>
public static class Report
{
    public static string Markdown(IReadOnlyList<CheckoutResult> results, int rate, TimeSpan duration, int users, int cores)
    {
        var confirmed = results.Where(r => r.Status == "Confirmed").ToList();
        var accepted = results.Count(r => r.Accepted);
        var finished = confirmed.Select(r => r.ConfirmedAt!.Value).Order().ToList();
        // Completed checkouts per second over the window in which confirmations happened.
        var window = finished.Count > 1 ? (finished[^1] - finished[0]).TotalSeconds : 0;
        var throughput = window > 0 ? (finished.Count - 1) / window : 0;
        var others = results.Where(r => r.Status != "Confirmed")
            .GroupBy(r => r.Status is null ? r.Reason ?? "?" : $"{r.Status} ({r.Reason})")
            .Select(g => $"{g.Key}: {g.Count()}");
        var toConfirmed = confirmed.Select(r => r.ToTerminal.TotalMilliseconds).Order().ToList();
        var requests = results.Where(r => r.Accepted).Select(r => r.Request.TotalMilliseconds).Order().ToList();
        return $"""
            ## Checkout through the whole system

            `bench/checkout.sh` on {DateTime.UtcNow:yyyy-MM-dd}, {cores} cores: the whole system from the AppHost (Release build) on
            127.0.0.1; {users} users each in a loop (put an item in the cart, check out with `tok_visa`, watch the order until it
            ends), offered at most {rate} checkouts/s for {duration.TotalSeconds:0} s. Latency to Confirmed is the order's own
            `updatedAt - createdAt` (placed to confirmed, every saga step and message hop included).

            | offered/s | checkouts | accepted | confirmed | completed checkouts/s | p50 to Confirmed | p99 to Confirmed | p50 checkout call | p99 checkout call |
            |---|---|---|---|---|---|---|---|---|
            | {rate} | {results.Count} | {accepted} | {confirmed.Count} | {throughput:0.0} | {Percentile(toConfirmed, 50):0} ms | {Percentile(toConfirmed, 99):0} ms | {Percentile(requests, 50):0} ms | {Percentile(requests, 99):0} ms |

            Not confirmed: {(others.Any() ? string.Join(", ", others) : "none")}.
            """;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
