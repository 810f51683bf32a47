using System.Diagnostics;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECommerce.SystemInfrastructure;

/// <summary>
/// The whole system as the AppHost declares it, started in-process with Aspire.Hosting.Testing: local servers on free
/// ports (<c>--ports auto</c>) in a fresh state folder, services on ports DCP picks at random, no dashboard. Tests
/// derive from it to add their per-run <see cref="Settings"/>; <c>./chaos.sh</c> uses it as it is. Process-level faults
/// go through the AppHost's resource commands (the dashboard's Stop/Start/Restart); pause, resume and a hard kill
/// signal the resource's process. <see cref="StopAsync"/> checks the promise of a clean stop: no process and no port left.
/// </summary>
public class ShopSystem : IAsyncDisposable
{
    // Generous: a fresh start takes ~60 s here, several minutes when other builds share the two cores.
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(600);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan HealthyBound = TimeSpan.FromSeconds(150);

    private readonly Lock _stopLock = new();
    private readonly Dictionary<string, HashSet<int>> _pids = [];
    private ResourceLogs? _logs;
    private Task? _stopping;

    /// <summary>Where the local servers keep their data; deleted after the stop.</summary>
    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"ecommerce-system-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>A client on the gateway, the edge every real client uses.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The admin the identity service seeds (FaultCommands' admin; its password is the admin-password parameter).</summary>
    public const string AdminEmail = ECommerce.AppHost.FaultCommands.AdminEmail;

    public string AdminPassword { get; private set; } = "";

    /// <summary>The six services behind the gateway, by resource name.</summary>
    public IReadOnlyList<string> Services { get; private set; } = [];

    /// <summary>Settings a run needs on top of the AppHost's (test knobs such as short timeouts): resource, key, value.</summary>
    protected virtual IEnumerable<(string Resource, string Key, string Value)> Settings => [];

    public async Task InitializeAsync()
    {
        // Not a 0700 temp folder: PostgreSQL runs as its own user and must reach its data folder inside.
        Directory.CreateDirectory(StateDirectory);
        using var bound = new CancellationTokenSource(StartBound);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--servers", "local", "--ports", "auto", "--state", StateDirectory], bound.Token);
        // Every resource's console output is kept (LogOf); only its warnings go to the run's own output.
        // The AppHost's own health probes fail loudly while a resource starts or is faulted on purpose; its state tells.
        builder.Services.AddLogging(logging => logging
            .AddFilter("ECommerce.AppHost.Resources", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        foreach (var (resource, key, value) in Settings)
        {
            var project = builder.Resources.OfType<ProjectResource>().SingleOrDefault(r => r.Name == resource)
                ?? throw new ArgumentException($"No project resource {resource} to set {key} on.");
            builder.CreateResourceBuilder(project).WithEnvironment(key, value);
        }
        App = await builder.BuildAsync(bound.Token);
        _logs = new ResourceLogs(App);
        try
        {
            await App.StartAsync(bound.Token);
            await AllHealthyAsync(bound.Token, StartBound);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or DistributedApplicationException)
        {
            var unhealthy = $"The system was not healthy within {StartBound.TotalSeconds} s: {Unhealthy()}\n{_logs.Tail(40)}";
            // Left running it would hold servers and ports past the run.
            await Task.WhenAny(StopAsync(), Task.Delay(StopBound));
            throw new TimeoutException(unhealthy, e);
        }
        GatewayUrl = App.GetEndpoint("gateway", "http");
        Gateway = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        AdminPassword = await Model.Resources.OfType<ParameterResource>().Single(p => p.Name == "admin-password").GetValueAsync(bound.Token) ?? "";
        Services = Model.Resources.OfType<ProjectResource>()
            .Select(r => r.Name).Where(n => n != "gateway").ToList();
    }

    /// <summary>Waits until every resource with a health check is healthy again (after a restart, say).</summary>
    public async Task AllHealthyAsync(CancellationToken ct = default, TimeSpan? within = null)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(within ?? HealthyBound);
        var model = Model;
        await Task.WhenAll(model.Resources.Where(r => r.Annotations.OfType<HealthCheckAnnotation>().Any())
            .Select(r => App.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, bound.Token)));
        RecordPids();
    }

    public DistributedApplicationModel Model => App.Services.GetRequiredService<DistributedApplicationModel>();

    public Uri ServiceUrl(string name) => App.GetEndpoint(name, "http");

    public async Task<string?> ConnectionStringAsync(string name) => await App.GetConnectionStringAsync(name);

    /// <summary>
    /// A fault on a resource: <c>stop</c>, <c>start</c>, <c>restart</c> (the AppHost's own commands, as in the dashboard),
    /// or <c>kill</c> (SIGKILL), <c>pause</c> (SIGSTOP), <c>resume</c> (SIGCONT) on its process tree.
    /// </summary>
    public async Task ActAsync(string resource, string verb, CancellationToken ct = default)
    {
        switch (verb)
        {
            case "stop":
                await StopResourceAsync(resource, ct);
                break;
            case "start":
                await CommandAsync(resource, KnownResourceCommands.StartCommand, ct);
                await WaitForStateAsync(resource, KnownResourceStates.Running, ct);
                break;
            case "restart":
                var restart = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.RestartCommand, ct);
                if (!restart.Success)
                {
                    // The stop half timed out (see StopResourceAsync): finish it, then start.
                    await StopResourceAsync(resource, ct);
                    await CommandAsync(resource, KnownResourceCommands.StartCommand, ct);
                }
                await WaitForStateAsync(resource, KnownResourceStates.Running, ct);
                break;
            case "kill":
                ProcessTree.Signal(Pid(resource), ProcessTree.Kill);
                await WaitForStateAsync(resource, null, ct);
                break;
            case "pause":
                ProcessTree.Signal(Pid(resource), ProcessTree.Stop);
                break;
            case "resume":
                ProcessTree.Signal(Pid(resource), ProcessTree.Cont);
                break;
            default:
                throw new ArgumentException($"Unknown verb {verb}: stop, start, restart, kill, pause or resume.");
        }
    }

    /// <summary>
    /// The AppHost's Stop. DCP sends SIGTERM and gives the process a few seconds; one that takes longer (RabbitMQ, or a
    /// service on a loaded machine) makes the command fail and leaves the resource in state Unknown, which Start then
    /// refuses. So a process still alive <see cref="StopGrace"/> after the command was sent gets SIGKILL (as a second
    /// Ctrl+C would), within DCP's wait: the command then completes and the resource ends Exited.
    /// </summary>
    private async Task StopResourceAsync(string resource, CancellationToken ct)
    {
        var pid = App.ResourceNotifications.TryGetCurrentState(resource, out var before) ? PidOf(before.Snapshot) : null;
        var stopping = App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, ct);
        if (await Task.WhenAny(stopping, Task.Delay(StopGrace, ct)) != stopping && pid is { } alive && ProcessTree.IsAlive(alive))
            ProcessTree.Signal(alive, ProcessTree.Kill);
        var stop = await stopping;
        if (!stop.Success && !IsTerminal(resource)) throw new InvalidOperationException($"stop {resource}: {stop.Message} (state {State(resource)})");
        await WaitForStateAsync(resource, null, ct);
    }

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private async Task CommandAsync(string resource, string command, CancellationToken ct)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, command, ct);
        if (!result.Success) throw new InvalidOperationException($"{command} {resource}: {result.Message}");
    }

    private bool IsTerminal(string resource) => KnownResourceStates.TerminalStates.Contains(State(resource));

    /// <summary>The resource's state as the AppHost sees it (Running, Exited, Finished...).</summary>
    public string? State(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var e) ? e.Snapshot.State?.Text : null;

    /// <summary>The pid DCP reports for the resource's process.</summary>
    public int Pid(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var e) && PidOf(e.Snapshot) is { } pid
            ? pid
            : throw new InvalidOperationException($"{resource} has no process ({State(resource) ?? "unknown"}).");

    /// <summary>Everything the resource wrote to stdout and stderr so far.</summary>
    public string LogOf(string resource) => _logs?.Of(resource) ?? "";

    /// <summary>
    /// Stops the AppHost (as Ctrl+C would) and checks the promise: every process it started is gone and no port it
    /// used still listens. Runs once; a test may call it so a dirty stop fails a test, disposal calls it otherwise.
    /// </summary>
    public Task StopAsync()
    {
        lock (_stopLock) return _stopping ??= StopOnceAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        try
        {
            await StopAsync();
        }
        finally
        {
            TryDelete(StateDirectory);
        }
    }

    private async Task StopOnceAsync()
    {
        if (App is null) return;
        RecordPids();
        var ports = Ports().ToList();
        using (var bound = new CancellationTokenSource(StopBound))
        {
            try
            {
                await App.StopAsync(bound.Token);
            }
            finally
            {
                await App.DisposeAsync();
                _logs?.Dispose();
            }
        }
        // DCP reaps what it started asynchronously: give it a bounded moment.
        var deadline = Stopwatch.StartNew();
        List<string> alive, listening;
        do
        {
            alive = _pids.SelectMany(p => p.Value.Where(ProcessTree.IsAlive).Select(pid => $"{p.Key} ({pid})")).ToList();
            listening = ports.Where(p => IsListening(p.Port)).Select(p => $"{p.Port} ({p.Owner})").ToList();
            if (alive.Count == 0 && listening.Count == 0) return;
            await Task.Delay(250);
        }
        while (deadline.Elapsed < TimeSpan.FromSeconds(30));
        throw new InvalidOperationException(
            $"After the AppHost stopped: still alive {string.Join(", ", alive)}; still listening {string.Join(", ", listening)}");
    }

    private async Task WaitForStateAsync(string resource, string? state, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(HealthyBound);
        await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => state is null ? KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text) : e.Snapshot.State?.Text == state,
            bound.Token);
        RecordPids();
    }

    /// <summary>Every pid seen for each resource (restarts make new ones), so the stop can check they are all gone.</summary>
    private void RecordPids()
    {
        var model = Model;
        lock (_pids)
            foreach (var resource in model.Resources)
                if (App.ResourceNotifications.TryGetCurrentState(resource.Name, out var e) && PidOf(e.Snapshot) is { } pid)
                {
                    if (!_pids.TryGetValue(resource.Name, out var set)) _pids[resource.Name] = set = [];
                    foreach (var member in ProcessTree.WithDescendants(pid)) set.Add(member);
                }
    }

    /// <summary>Each endpoint's port and, where DCP proxies it, the port the process itself listens on.</summary>
    private IEnumerable<(int Port, string Owner)> Ports()
    {
        var model = Model;
        foreach (var resource in model.Resources.OfType<IResourceWithEndpoints>())
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                if (endpoint.AllocatedEndpoint is not { } allocated) continue;
                yield return (allocated.Port, $"{resource.Name} {endpoint.Name}");
                if (endpoint.TargetPort is { } target && target != allocated.Port) yield return (target, $"{resource.Name} {endpoint.Name} target");
            }
    }

    private string Unhealthy()
    {
        var model = Model;
        return string.Join(", ", model.Resources.Select(r =>
            App.ResourceNotifications.TryGetCurrentState(r.Name, out var e) ? $"{r.Name} {e.Snapshot.State?.Text}/{e.Snapshot.HealthStatus}" : r.Name));
    }

    private static int? PidOf(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, out var pid) => pid,
            _ => null,
        };

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
