using System.Diagnostics;

namespace ECommerce.DevHost;

/// <summary>
/// One run, start to finish: clean up after a crashed run, check ports, start the topology with progress,
/// serve the control API, and on a signal stop projects, then servers, leaving nothing behind.
/// </summary>
public static class DevHostRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        DevHostOptions options;
        try
        {
            options = DevHostOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n\n{DevHostOptions.Usage}");
            return 2;
        }
        if (options.ShowHelp)
        {
            Console.WriteLine(DevHostOptions.Usage);
            return 0;
        }

        var console = new ConsoleView();
        try
        {
            return await RunAsync(options, console);
        }
        catch (InvalidOperationException e)
        {
            console.WriteError(e.Message);
            return 1;
        }
    }

    private static async Task<int> RunAsync(DevHostOptions options, ConsoleView console)
    {
        var repository = Repository.Locate();
        var topology = options.ServersOnly ? Topology.Build().WithoutProjects() : Topology.Build();
        var missing = topology.Projects.Select(repository.AssemblyOf).Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            console.WriteError($"Not built ({repository.Configuration}):\n  {string.Join("\n  ", missing)}\n" +
                $"Run `dotnet build -c {repository.Configuration}` in {repository.Root} first (run.sh does).");
            return 1;
        }

        var folder = new StateFolder(options.StateDirectory ?? Path.Combine(repository.Root, ".devhost"));
        var ledger = new RunLedger(folder);
        await ledger.CleanUpLeftoversAsync(console);
        if (options.Fresh) folder.Wipe();
        folder.Create();

        var ports = PortPlan.Create(topology, options);
        var conflicts = ports.FindConflicts();
        if (conflicts.Count > 0)
        {
            console.WriteError($"Cannot start: {string.Join("; ", conflicts)}.\n" +
                "Stop what holds them (another DevHost?), or choose others: --port N, --control-port N, or --auto-ports.");
            return 2;
        }

        using var shutdown = new ShutdownSignal(console);
        var resources = ResourceFactory.Create(topology, repository, folder, ports, options, console);
        var host = new Orchestrator(topology, resources);
        var controlUrl = $"http://127.0.0.1:{ports.ControlPort}";
        var gateway = resources.OfType<ProjectResource>().FirstOrDefault(p => p.Spec.ExternalHttpEndpoint);
        var status = new StatusFile(folder.StatusFile, () => new DevHostStatus(
            Environment.ProcessId, controlUrl, gateway?.Url, folder.Root, folder.LogRoot,
            resources.Select(r => r.Snapshot()).ToList()));
        ledger.Record(resources);
        foreach (var resource in resources)
        {
            resource.Changed += _ => ledger.Record(resources);
            resource.Changed += _ => status.Write();
        }

        await using var control = ControlApi.Create(ports.ControlPort, host, shutdown.Token);
        await control.StartAsync(CancellationToken.None);
        // Its own token: a failed start-up stops everything without any signal having arrived.
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(shutdown.Token);
        var watching = host.WatchAsync(stopWatching.Token);

        async Task<int> StopEverythingAsync(int exitCode)
        {
            console.WriteLine("[devhost] stopping projects, then servers...");
            var clock = Stopwatch.StartNew();
            // Stopping servers must not look to the watcher like servers dying.
            await stopWatching.CancelAsync();
            await watching.ContinueWith(_ => { }, TaskScheduler.Default);
            await host.StopAllAsync();
            status.Delete();
            await control.StopAsync(CancellationToken.None);
            ledger.Delete();
            foreach (var resource in resources) resource.Log.Dispose();
            console.WriteLine($"[devhost] stopped in {clock.Elapsed.TotalSeconds:0.0} s.");
            return exitCode;
        }

        console.WriteLine($"[devhost] starting {resources.Count} resources; state in {folder.Root}");
        var startup = Stopwatch.StartNew();
        try
        {
            using (new StartupProgress(console, resources)) await host.StartAllAsync(shutdown.Token);
        }
        catch (Exception) when (shutdown.Token.IsCancellationRequested)
        {
            return await StopEverythingAsync(0);
        }
        catch (StartupFailedException e)
        {
            console.WriteError($"[devhost] {e.Message}");
            console.WriteLine($"[devhost] last lines of {e.Resource.Log.Path}:");
            foreach (var line in e.Resource.Log.Tail(40)) console.WriteLine($"    {line}");
            return await StopEverythingAsync(1);
        }
        catch (Exception e)
        {
            // Whatever went wrong, nothing that was started may outlive DevHost.
            console.WriteError($"[devhost] start-up failed: {e}");
            return await StopEverythingAsync(1);
        }

        status.Enable();
        ResourceTable.Print(console, status.Current(), startup.Elapsed);
        PrintStateChanges(console, resources);

        await shutdown.WaitAsync();
        return await StopEverythingAsync(0);
    }

    /// <summary>From here on the console says when a resource changes state: a fault is visible where the logs are.</summary>
    private static void PrintStateChanges(ConsoleView console, IReadOnlyList<RunningResource> resources)
    {
        var shown = resources.ToDictionary(r => r, r => r.State);
        foreach (var resource in resources)
        {
            resource.Changed += r =>
            {
                lock (shown)
                {
                    // Changed also fires for a new pid or exit code; say only what changed state.
                    if (shown[r] == r.State) return;
                    shown[r] = r.State;
                }
                console.WriteLine($"[devhost] {r.Name}: {Describe(r)}");
            };
        }
    }

    private static string Describe(RunningResource resource) => resource.State switch
    {
        ResourceState.Exited => $"Exited (exit code {resource.ExitCode?.ToString() ?? "unknown"}), left down",
        ResourceState.Healthy => $"Healthy, pid {resource.Pid}",
        var state => state.ToString(),
    };
}
