using System.Diagnostics;

namespace ECommerce.EventStore.Bench;

/// <summary>Writers appending for a fixed time; latency per successful append (retries included for hot streams).</summary>
internal sealed class Load(IEventStore events, TimeSpan duration)
{
    private int _run;

    public async Task<Result> RunAsync(int writers, int streams, int eventsPerAppend)
    {
        var run = Interlocked.Increment(ref _run);
        var latencies = new List<double>[writers];
        var conflicts = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            var payload = Enumerable.Range(0, eventsPerAppend).Select(i => (object)new ItemAdded($"sku-{i}", i)).ToArray();
            var (stream, version, n) = ($"r{run}-w{w}-0", 0L, 0);
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                if (streams > 0)
                {
                    stream = $"r{run}-hot-{w % streams}";
                    while (true)
                    {
                        try { await events.AppendAsync(stream, await events.GetStreamVersionAsync(stream), payload); break; }
                        catch (WrongExpectedVersionException) { Interlocked.Increment(ref conflicts); }
                    }
                }
                else
                {
                    // Order-like streams: a handful of appends each, then a new stream.
                    if (version >= 10) (stream, version) = ($"r{run}-w{w}-{++n}", 0);
                    version = await events.AppendAsync(stream, version, payload);
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = stop.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length / elapsed, all.Length * eventsPerAppend / elapsed,
            Percentile(all, 0.50), Percentile(all, 0.99), conflicts, $"r{run}-hot-0");
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}

internal sealed record Result(double AppendsPerSecond, double EventsPerSecond, double P50, double P99, int Conflicts, string LongestStream);
