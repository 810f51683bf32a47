namespace ECommerce.Chaos;

/// <summary>
/// A status line every second: rewritten in place on a terminal, a plain line every 5 s otherwise (logs, CI).
/// </summary>
public sealed class ProgressDisplay : IDisposable
{
    private readonly ChaosRun _run;
    private readonly TextWriter _output;
    private readonly bool _tty;
    private readonly Timer? _timer;
    private int _ticks;

    public ProgressDisplay(ChaosRun run, TextWriter output, bool quiet)
    {
        (_run, _output) = (run, output);
        _tty = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        if (!quiet) _timer = new Timer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public string Line()
    {
        var t = _run.Tally;
        var orders = _run.Orders.Values.ToList();
        var browse = t.Summary(_run.Phase is Phase.Settle or Phase.Checks ? Phase.Recovery : _run.Phase, "browse");
        return $"[{_run.Phase,-8} {_run.Elapsed.TotalSeconds,4:0}s] orders {orders.Count} accepted, "
            + $"{orders.Count(o => o.Status == "Confirmed")} confirmed, {orders.Count(o => o.Status == "Cancelled")} cancelled, "
            + $"{orders.Count(o => !o.IsTerminal)} open | checkout errors {t.TotalStartingWith("checkout:5") + t.Total("checkout:error")} "
            + $"| browse ok {t.Total("browse:200")} failed {t.TotalStartingWith("browse:5") + t.Total("browse:error")} p99 {browse.P99Ms ?? 0:0} ms "
            + $"| 429 {t.Total("rate-limited:429")}";
    }

    private void Tick()
    {
        var line = Line();
        lock (_output)
        {
            if (_tty) _output.Write("\r" + Fit(line));
            else if (++_ticks % 5 == 0) _output.WriteLine(line);
        }
    }

    private static string Fit(string line)
    {
        var width = Math.Max(20, Console.WindowWidth - 1);
        return line.Length > width ? line[..width] : line.PadRight(width);
    }

    public void Stop()
    {
        _timer?.Change(Timeout.Infinite, Timeout.Infinite);
        if (_tty) lock (_output) _output.WriteLine("\r" + Line());
    }

    public void Dispose() => _timer?.Dispose();
}
