namespace ECommerce.Chaos;

/// <summary>Counts an order's end once, with its checkout-to-terminal latency under the phase it was accepted in.</summary>
public static class OrderProgress
{
    public static void Finished(ChaosRun run, TrackedOrder order)
    {
        run.Tally.Latency(order.AcceptedIn, "checkout", DateTimeOffset.UtcNow - order.SubmittedAt);
        run.Tally.Count(order.AcceptedIn, order.Status == "Confirmed" ? "order:Confirmed" : $"order:Cancelled({order.FailureReason})");
    }
}
