using System.Diagnostics;
using ECommerce.Chaos;
using ECommerce.SystemInfrastructure;

// ./chaos.sh <scenario> [options] | --all | --list. Exit codes: 0 passed, 1 an invariant or expectation failed,
// 2 cannot run (bad arguments, no system, a process fault without the AppHost).
if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(ChaosOptions.Usage);
    return 0;
}

ChaosOptions options;
try
{
    options = ChaosOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(ChaosOptions.Usage);
    return 2;
}

if (options.List || (options.Scenario is null && !options.All))
{
    foreach (var s in ScenarioCatalog.All)
    {
        Console.WriteLine($"{s.Name}{(s.NeedsAppHost ? "   (process fault: needs the system ./chaos.sh starts)" : "")}");
        Console.WriteLine($"    fault:    {s.Description}");
        Console.WriteLine($"    expected: {s.Expectation}");
    }
    if (!options.List) Console.WriteLine(ChaosOptions.Usage);
    return options.List ? 0 : 2;
}

var scenarios = options.All ? ScenarioCatalog.All : [ScenarioCatalog.Find(options.Scenario!)!];
if (scenarios[0] is null)
{
    Console.Error.WriteLine($"Unknown scenario {options.Scenario}; ./chaos.sh --list shows them.");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
ShopSystem? system = null;
try
{
    if (options.Gateway is null)
    {
        Console.WriteLine("Starting the system from the AppHost (servers on free ports, fresh state folder)...");
        var watch = Stopwatch.StartNew();
        system = new ShopSystem();
        await system.InitializeAsync();
        Console.WriteLine($"All healthy in {watch.Elapsed.TotalSeconds:0} s; gateway {system.GatewayUrl}");
    }
    var reports = new List<ChaosReport>();
    foreach (var scenario in scenarios)
    {
        if (system is not null) await system.AllHealthyAsync(cancel.Token); // the previous scenario's restarts are over
        var report = await ChaosRunner.RunAsync(options, scenario, system, Console.Out, cancel.Token);
        reports.Add(report);
    }
    if (options.ReportPath is not null)
    {
        await File.WriteAllTextAsync(options.ReportPath, reports.Count == 1 ? ReportJson.Serialize(reports[0]) : ReportJson.Serialize(reports));
        Console.WriteLine($"report: {options.ReportPath}");
    }
    if (reports.Count > 1) ResultTable.WriteSummary(reports, Console.Out);
    return reports.All(r => r.Passed) ? 0 : 1;
}
catch (ChaosException e)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine(system is null
        ? "Interrupted: fault plans set by this run may still be in force (DELETE /admin/faults, or the dashboard's Clear faults)."
        : "Interrupted: stopping the system.");
    return 2;
}
finally
{
    if (system is not null)
    {
        Console.WriteLine("Stopping the system...");
        await system.DisposeAsync();
        Console.WriteLine("Stopped: no process left, nothing listening.");
    }
}
