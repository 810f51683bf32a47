using ECommerce.Chaos;

// ./chaos.sh <scenario> [options] | --list. Exit codes: 0 passed, 1 an invariant or expectation failed,
// 2 cannot run (bad arguments, system or DevHost absent).
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

if (options.List || options.Scenario is null)
{
    foreach (var s in ScenarioCatalog.All)
    {
        Console.WriteLine($"{s.Name}{(s.NeedsDevHost ? "   (needs DevHost)" : "")}");
        Console.WriteLine($"    fault:    {s.Description}");
        Console.WriteLine($"    expected: {s.Expectation}");
    }
    if (!options.List) Console.WriteLine(ChaosOptions.Usage);
    return options.List ? 0 : 2;
}

var scenario = ScenarioCatalog.Find(options.Scenario);
if (scenario is null)
{
    Console.Error.WriteLine($"Unknown scenario {options.Scenario}; ./chaos.sh --list shows them.");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
try
{
    var repoRoot = Environment.GetEnvironmentVariable("ECOMMERCE_REPO_ROOT") ?? Directory.GetCurrentDirectory();
    var report = await ChaosRunner.RunAsync(options, scenario, repoRoot, Console.Out, cancel.Token);
    if (options.ReportPath is not null)
    {
        await File.WriteAllTextAsync(options.ReportPath, ReportJson.Serialize(report));
        Console.WriteLine($"report: {options.ReportPath}");
    }
    return report.Passed ? 0 : 1;
}
catch (Exception e) when (e is ChaosException or NeedsDevHostException)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted: faults set by this run may still be in force (DELETE /admin/faults, DevHost start).");
    return 2;
}
