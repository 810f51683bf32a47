namespace ECommerce.Chaos;

/// <summary>
/// The promises every scenario checks once orders have settled. Payments and stock follow orders by messages, so
/// each check is retried for a while before a violation counts.
/// </summary>
public static class Invariants
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Orders charged twice: more than one payment that was not declined, or a captured payment (not refunded)
    /// for a cancelled order.
    /// </summary>
    public static async Task<List<string>> DoubleChargesAsync(ChaosRun run, CancellationToken ct)
    {
        var orders = run.Orders.Values.Where(o => o.IsTerminal).ToList();
        var deadline = DateTime.UtcNow + Patience;
        var payments = run.ServiceUrl("payment") ?? run.Gateway;
        while (true)
        {
            var bad = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (order, c) =>
            {
                var answer = await run.Api.PatientlyAsync(() => run.Api.SendAsync(HttpMethod.Get,
                    new Uri(payments, $"/api/payments?orderId={order.Id}"), run.AdminToken, ct: c), TimeSpan.FromSeconds(90), c);
                if (!answer.Ok) throw new ChaosException($"Reading the payments of {order.Id} failed: {answer.Outcome} {answer.Body}");
                var statuses = answer.Json.EnumerateArray().Select(p => p.GetProperty("status").GetString()).ToList();
                var live = statuses.Count(s => s != "Declined");
                var capturedButCancelled = order.Status == "Cancelled" && statuses.Contains("Captured");
                if (live > 1 || capturedButCancelled) bad.Add($"{order.Id} ({order.Status}: {string.Join(",", statuses)})");
            });
            if (bad.IsEmpty || DateTime.UtcNow > deadline) return [.. bad];
            orders = orders.Where(o => bad.Any(b => b.StartsWith(o.Id))).ToList();
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    /// <summary>For every product used: on-hand now + units of Confirmed orders == on-hand at the start, nothing reserved.</summary>
    public static async Task<List<StockLine>> StockAsync(ChaosRun run, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var lines = new List<StockLine>();
            foreach (var (id, start) in run.StartOnHand)
            {
                var sold = run.Orders.Values.Where(o => o.Status == "Confirmed").Sum(o => o.Units.GetValueOrDefault(id));
                var (onHand, reserved) = await Stock.ReadAsync(run, id, ct);
                lines.Add(new StockLine(id, start, sold, onHand, reserved));
            }
            if (lines.All(l => l.Conserved) || DateTime.UtcNow > deadline) return lines;
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }
}
