using System.Diagnostics;
using System.Text.Json;

namespace ECommerce.Chaos;

/// <summary>
/// After a fault is undone: how long until the gateway's /health is Healthy again and no service has a breaker
/// still open (an open breaker keeps rejecting for its break duration, and lets a trial call through after it).
/// </summary>
public static class Recovery
{
    public static async Task<double?> WaitAsync(ChaosRun run, TimeSpan bound, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < bound)
        {
            if (await GatewayHealthyAsync(run, ct) && await BreakersClosedAsync(run, ct)) return Math.Round(watch.Elapsed.TotalSeconds, 1);
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
        run.Note($"the system was not Healthy with every breaker closed within {bound.TotalSeconds} s of the recovery");
        return null;
    }

    private static async Task<bool> GatewayHealthyAsync(ChaosRun run, CancellationToken ct)
    {
        var answer = await run.Api.SendAsync(HttpMethod.Get, run.Url("/health"), null, ct: ct);
        return answer.Status == 200 && answer.Body.Contains("\"Healthy\"") && !answer.Body.Contains("\"Unhealthy\"");
    }

    private static async Task<bool> BreakersClosedAsync(ChaosRun run, CancellationToken ct)
    {
        foreach (var (_, url) in run.ServiceUrls.ToList())
        {
            var answer = await run.Api.SendAsync(HttpMethod.Get, new Uri(url, "/admin/resilience"), run.AdminToken, ct: ct);
            if (answer.Status == 0 || answer.Status >= 500) return false;
            if (!answer.Ok) continue;
            try
            {
                if (answer.Json.GetProperty("dependencies").EnumerateArray()
                    .Any(d => d.GetProperty("breakerState").GetString() is not ("Closed" or null)))
                    return false;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
            }
        }
        return true;
    }
}
