using System.Collections.Concurrent;
using System.Text.Json;

namespace ECommerce.Chaos;

/// <summary>
/// Reads the <c>breaker:&lt;dependency&gt;</c> entries of each service's own /health (ServiceDefaults' resilience)
/// every second while the fault and the recovery run, and remembers every breaker seen not Closed.
/// </summary>
public sealed class BreakerWatch
{
    private readonly ConcurrentDictionary<string, string> _seen = new();
    private readonly ConcurrentDictionary<string, byte> _opened = new();
    private readonly ConcurrentDictionary<string, long> _openCounts = new();

    /// <summary>Breakers any service reports ("payment/processor"); none: the run cannot tell whether one opened.</summary>
    public IReadOnlyCollection<string> Seen => _seen.Keys.Order().ToList();

    /// <summary>Breakers seen Open, HalfOpen or Isolated.</summary>
    public IReadOnlyCollection<string> Opened => _opened.Keys.Order().ToList();

    public async Task WatchAsync(ChaosRun run, HttpClient http, CancellationToken stop)
    {
        var services = run.ServiceUrls.ToList();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.WhenAll(services.Select(s => ReadAsync(s.Name, s.Url, http, stop)));
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped with a look in flight: that look is not needed any more.
            }
        }
    }

    /// <summary>
    /// GET /admin/resilience (admin) on each service: the breakerOpened total per dependency. The first call is the
    /// baseline; a later total above it means the breaker opened in between, even if /health never caught it open.
    /// </summary>
    public async Task CountOpeningsAsync(ChaosRun run, bool baseline, CancellationToken ct)
    {
        foreach (var (service, url) in run.ServiceUrls.ToList())
        {
            var answer = await run.Api.SendAsync(HttpMethod.Get, new Uri(url, "/admin/resilience"), run.AdminToken, ct: ct);
            if (!answer.Ok) continue;
            try
            {
                foreach (var dep in answer.Json.GetProperty("dependencies").EnumerateArray())
                {
                    var name = $"{service}/{dep.GetProperty("dependency").GetString()}";
                    var count = dep.TryGetProperty("breakerOpened", out var c) ? c.GetInt64() : 0;
                    _seen.TryAdd(name, dep.TryGetProperty("breakerState", out var st) ? st.GetString() ?? "?" : "?");
                    if (baseline) _openCounts[name] = count;
                    else if (count > _openCounts.GetValueOrDefault(name)) _opened[name] = 0;
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
            }
        }
    }

    private async Task ReadAsync(string service, Uri url, HttpClient http, CancellationToken stop)
    {
        var answer = await Answer.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, new Uri(url, "/health")), stop).ConfigureAwait(false);
        if (answer.Status is not (200 or 503) || !answer.Body.TrimStart().StartsWith('{')) return;
        try
        {
            if (!answer.Json.TryGetProperty("checks", out var checks)) return;
            foreach (var check in checks.EnumerateObject().Where(c => c.Name.StartsWith("breaker:")))
            {
                var name = $"{service}/{check.Name["breaker:".Length..]}";
                var state = check.Value.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                    && data.TryGetProperty("state", out var s) ? s.GetString() ?? "?" : check.Value.GetProperty("status").GetString() ?? "?";
                _seen[name] = state;
                if (state is not ("Closed" or "Healthy")) _opened[name] = 0;
            }
        }
        catch (JsonException)
        {
        }
    }
}
