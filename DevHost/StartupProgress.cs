namespace ECommerce.DevHost;

/// <summary>
/// One line per resource while the system starts: waiting, starting (for how long), healthy (after how long).
/// A live footer on a terminal; a plain line per change otherwise, so CI logs stay readable.
/// </summary>
public sealed class StartupProgress : IDisposable
{
    private readonly ConsoleView _console;
    private readonly IReadOnlyList<RunningResource> _resources;
    private readonly int _width;
    private readonly Timer? _ticker;
    private readonly Dictionary<RunningResource, ResourceState> _printed = [];

    public StartupProgress(ConsoleView console, IReadOnlyList<RunningResource> resources)
    {
        _console = console;
        _resources = resources;
        _width = resources.Max(r => r.Name.Length);
        if (console.IsTerminal)
        {
            console.ShowFooter(Render);
            _ticker = new Timer(_ => console.RefreshFooter(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
        }
        else
        {
            foreach (var resource in resources) resource.Changed += PrintChange;
        }
    }

    public void Dispose()
    {
        _ticker?.Dispose();
        if (_console.IsTerminal) _console.HideFooter();
        foreach (var resource in _resources) resource.Changed -= PrintChange;
    }

    private void PrintChange(RunningResource resource)
    {
        var state = resource.State;
        if (state is not (ResourceState.Starting or ResourceState.Healthy or ResourceState.Unhealthy or ResourceState.Exited)) return;
        lock (_printed)
        {
            // A resource may report the same state twice (a database once created, a pid once known).
            if (_printed.TryGetValue(resource, out var last) && last == state) return;
            _printed[resource] = state;
        }
        _console.WriteLine($"[devhost] {Line(resource).Trim()}");
    }

    private IReadOnlyList<string> Render() => _resources.Select(Line).ToList();

    private string Line(RunningResource resource)
    {
        var state = resource.State;
        var detail = state switch
        {
            ResourceState.Starting when resource.StartedAt is { } since => $"{(DateTimeOffset.Now - since).TotalSeconds,5:0.0} s",
            ResourceState.Healthy when resource.StartDuration is { } took => $"{took.TotalSeconds,5:0.0} s",
            ResourceState.Exited => $"exit code {resource.ExitCode}",
            ResourceState.Waiting => WaitingFor(resource),
            _ => "",
        };
        var mark = state switch
        {
            ResourceState.Healthy => "+",
            ResourceState.Starting => "~",
            ResourceState.Waiting => ".",
            _ => "!",
        };
        return $"  {mark} {resource.Name.PadRight(_width)}  {resource.Spec.Kind,-8}  {state.ToString().ToLowerInvariant(),-9}  {detail}";
    }

    private string WaitingFor(RunningResource resource)
    {
        var pending = resource.Spec.WaitsFor.Append(resource.Spec.Parent ?? "")
            .Where(n => _resources.FirstOrDefault(r => r.Name == n) is { State: not ResourceState.Healthy })
            .ToList();
        return pending.Count == 0 ? "" : "for " + string.Join(", ", pending);
    }
}
