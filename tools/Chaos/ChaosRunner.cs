using ECommerce.SystemInfrastructure;

namespace ECommerce.Chaos;

/// <summary>Plays one scenario: setup, before, fault, recovery, settle, checks; returns the report.</summary>
public static class ChaosRunner
{
    /// <param name="system">The system started from the AppHost; null when attached to a running one (<c>--gateway</c>).</param>
    public static async Task<ChaosReport> RunAsync(ChaosOptions options, Scenario scenario, ShopSystem? system, TextWriter output, CancellationToken ct)
    {
        if (scenario.NeedsAppHost && system is null)
            throw new ChaosException($"{scenario.Name} stops, kills or restarts processes through the AppHost's resource commands, "
                + "so it needs the system ./chaos.sh starts itself: run it without --gateway.");
        var gateway = system?.GatewayUrl ?? options.Gateway ?? throw new ChaosException("No system: start one (no --gateway) or pass --gateway <url>.");
        using var http = ShopApi.CreateHttp();
        var run = new ChaosRun(options, new ShopApi(http), gateway, system);
        var started = DateTimeOffset.UtcNow;
        if (scenario.PlanOn is { } service) FaultPlans.ServiceUrl(run, service);
        var health = await run.Api.SendAsync(HttpMethod.Get, run.Url("/health"), null, ct: ct);
        if (health.Status == 0) throw new ChaosException($"No gateway answers at {gateway} ({health.Body}). Start the system with ./run.sh, or run ./chaos.sh without --gateway.");
        var flash = scenario.FlashSaleUnits;
        var users = flash is null ? options.Users : Math.Max(options.Users, flash.Value * 4);

        output.WriteLine($"{scenario.Name}: {scenario.Description}");
        output.WriteLine($"gateway {gateway}, {(system is null ? "attached (fault plans only)" : "started from the AppHost")}; setting up {users} users...");
        await Setup.RunAsync(run, users, flash is null ? options.Products : 1, flash ?? options.StockPerProduct, ct);

        using var progress = new ProgressDisplay(run, output, options.Quiet);
        using var watchStop = new CancellationTokenSource();
        await run.Breakers.CountOpeningsAsync(run, baseline: true, ct);
        var watching = run.Breakers.WatchAsync(run, http, watchStop.Token);
        using var loadStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var shoppers = Enumerable.Range(0, users).Select(i => new VirtualUser(run, i)).ToList();
        var load = shoppers.Select(u => Task.Run(() => u.ShopAsync(checkout: flash is null, loadStop.Token), ct)).ToList();

        var slice = options.Duration / 4;
        var recovered = true;
        double? recoverySeconds = null;
        try
        {
            run.Phase = Phase.Before;
            await Task.Delay(slice, ct);

            run.Phase = Phase.Fault;
            recovered = false;
            await scenario.Inject(run, ct);
            if (flash is not null)
                load.AddRange(shoppers.Select(u => Task.Run(() => u.BuyOnceAsync(run.StartOnHand.Keys.Single(), loadStop.Token), ct)));
            using (var faultEnds = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var during = scenario.During(run, faultEnds.Token);
                await Task.Delay(slice * 1.6, ct);
                await faultEnds.CancelAsync();
                await during;
            }

            run.Phase = Phase.Recovery;
            await scenario.Recover(run, ct);
            recovered = true;
            recoverySeconds = await Recovery.WaitAsync(run, TimeSpan.FromSeconds(90), ct);
            await Task.Delay(slice * 1.4, ct);
        }
        finally
        {
            // A failed or interrupted run must not leave the system broken behind it.
            if (!recovered) await TryRecoverAsync(scenario, run, output);
            if (!recovered) await watchStop.CancelAsync();
            await loadStop.CancelAsync();
            await Task.WhenAll(load);
        }

        run.Phase = Phase.Settle;
        var stuck = await Settler.SettleAsync(run, ct);
        await watchStop.CancelAsync();
        await watching;
        await run.Breakers.CountOpeningsAsync(run, baseline: false, ct);

        run.Phase = Phase.Checks;
        var doubleCharges = await Invariants.DoubleChargesAsync(run, ct);
        var stock = await Invariants.StockAsync(run, ct);
        progress.Stop();

        var report = ReportBuilder.Build(run, scenario, started, users, stuck, doubleCharges, stock);
        report.RecoverySeconds = recoverySeconds;
        ResultTable.Write(report, output);
        return report;
    }

    private static async Task TryRecoverAsync(Scenario scenario, ChaosRun run, TextWriter output)
    {
        try
        {
            await scenario.Recover(run, CancellationToken.None);
        }
        catch (Exception e)
        {
            output.WriteLine($"Could not undo the fault of {scenario.Name}: {e.Message}");
        }
    }
}
