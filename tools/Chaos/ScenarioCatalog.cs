namespace ECommerce.Chaos;

/// <summary>The scenarios <c>./chaos.sh</c> knows (<c>--list</c> prints them).</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("payment-outage",
            "The payment processor fails every call (fault plan on payment: outbound 'processor' errorRate 1.0); removed for the recovery.",
            "orders under the fault end Cancelled(PaymentUnavailable) or Timeout, orders after it Confirmed; payment's breaker opens; nothing stuck, no double charge")
        {
            PlanOn = "payment",
            Inject = (run, ct) => FaultPlans.PutAsync(run, "payment",
                new { outbound = new[] { new { dependency = "processor", errorRate = 1.0, errorStatus = 503 } } }, ct),
            Recover = (run, ct) => FaultPlans.DeleteAsync(run, "payment", ct),
            Expect = (run, r) => Expectations.PaymentOutage(run, r),
        },
        new("slow-inventory",
            "Inventory is slow: 1.5 s (+0..0.5 s) added to its HTTP reads by a fault plan and, with the AppHost, the process paused 2 s of every 3 s so reservations wait.",
            "checkouts take longer but complete: orders accepted under the fault are Confirmed, none cancelled by Timeout")
        {
            PlanOn = "inventory",
            Inject = (run, ct) => FaultPlans.PutAsync(run, "inventory",
                new { inbound = new[] { new { routePrefix = "/api/inventory", latencyMs = 1500, jitterMs = 500 } } }, ct),
            During = PauseInventoryAsync,
            Recover = (run, ct) => FaultPlans.DeleteAsync(run, "inventory", ct),
            Expect = (_, r) => Expectations.SlowInventory(r),
        },
        new("kill-order-service",
            "kill -9 the order service mid-load, start it again for the recovery (the AppHost's Start command).",
            "every accepted order reaches Confirmed or Cancelled; checkouts succeed again after the restart")
        {
            NeedsAppHost = true,
            Inject = (run, ct) => run.System!.ActAsync("order", "kill", ct),
            Recover = (run, ct) => run.System!.ActAsync("order", "start", ct),
            Expect = (_, r) => Expectations.RecoversAfter(r),
        },
        new("broker-restart",
            "Stop RabbitMQ (eventbus) mid-load with the AppHost's Stop command, Start it for the recovery; outboxes hold the messages meanwhile.",
            "nothing lost (every accepted order terminal), nothing duplicated (no double charge, stock conserved)")
        {
            NeedsAppHost = true,
            Inject = (run, ct) => run.System!.ActAsync("eventbus", "stop", ct),
            Recover = (run, ct) => run.System!.ActAsync("eventbus", "start", ct),
            Expect = (_, r) => Expectations.RecoversAfter(r),
        },
        new("redis-down",
            "Stop Redis mid-load with the AppHost's Stop command, Start it for the recovery.",
            "product reads still 200 with X-Cache MISS, cart answers 503 problem+json, carts and checkouts work again after the start")
        {
            NeedsAppHost = true,
            Inject = (run, ct) => run.System!.ActAsync("redis", "stop", ct),
            Recover = (run, ct) => run.System!.ActAsync("redis", "start", ct),
            Expect = (_, r) => Expectations.RedisDown(r),
        },
        new("database-restart",
            "Restart PostgreSQL (every service's database) mid-load with the AppHost's Restart command.",
            "services reconnect, every accepted order terminal, checkouts succeed after the restart")
        {
            NeedsAppHost = true,
            Inject = (run, ct) => run.System!.ActAsync("postgres", "restart", ct),
            Expect = (_, r) => Expectations.RecoversAfter(r),
        },
        new("flash-sale",
            "One product with 5 units; when the fault phase starts every user checks out one unit at the same moment.",
            "exactly 5 units sold (5 Confirmed), every other order Cancelled(OutOfStock), on-hand 0 and nothing reserved")
        {
            FlashSaleUnits = 5,
            Expect = (run, r) => Expectations.FlashSale(run, r),
        },
    ];

    public static Scenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>SIGSTOP/SIGCONT inventory's process 2 s of every 3 s: messages to it wait, as behind a slow dependency.</summary>
    private static async Task PauseInventoryAsync(ChaosRun run, CancellationToken faultEnds)
    {
        if (run.System is null)
        {
            run.Note("slow-inventory without the AppHost: only the HTTP latency plan, reservations are not slowed");
            return;
        }
        try
        {
            while (!faultEnds.IsCancellationRequested)
            {
                await run.System.ActAsync("inventory", "pause", CancellationToken.None);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), faultEnds);
                }
                finally
                {
                    await run.System.ActAsync("inventory", "resume", CancellationToken.None);
                }
                await Task.Delay(TimeSpan.FromSeconds(1), faultEnds);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
