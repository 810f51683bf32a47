using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECommerce.AppHost;

/// <summary>
/// Once every resource is healthy: how long it took, the dashboard's login URL and the shop's URL. Until then, every
/// 20 s, which resources are still on their way and in what state.
/// </summary>
public static class HealthReport
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(20);

    public static void ReportWhenHealthy(this DistributedApplication app)
    {
        // From now, not from ApplicationStarted: a resource that fails early can hold the start up, and then the
        // report is what tells.
        var started = Stopwatch.StartNew();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        _ = Task.Run(() => ReportAsync(app, started, lifetime.ApplicationStopping));
    }

    private static async Task ReportAsync(DistributedApplication app, Stopwatch started, CancellationToken stopping)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ECommerce.AppHost");
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var watched = model.Resources.Where(r => r.Annotations.OfType<HealthCheckAnnotation>().Any()).Select(r => r.Name).ToHashSet();
        var states = new ConcurrentDictionary<string, string>();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _ = WatchAsync(notifications, watched, states, logger, watching.Token);
        try
        {
            var healthy = Task.WhenAll(watched.Select(name => notifications.WaitForResourceHealthyAsync(name, stopping)));
            while (await Task.WhenAny(healthy, Task.Delay(ProgressEvery, stopping)) != healthy)
            {
                logger.LogInformation("Still starting after {Seconds:F0} s: {Resources}", started.Elapsed.TotalSeconds,
                    string.Join(", ", watched.Where(n => states.GetValueOrDefault(n) != "Healthy").Order()
                        .Select(n => $"{n} ({states.GetValueOrDefault(n, "not created")})")));
            }
            await healthy;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            await watching.CancelAsync();
        }
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        // The dashboard's own resource knows its address even when the run asked for port 0.
        var dashboard = model.Resources.OfType<IResourceWithEndpoints>().FirstOrDefault(r => r.Name == "aspire-dashboard")
            ?.GetEndpoints().FirstOrDefault(e => e.IsAllocated && e.Url.StartsWith("http:"))?.Url.TrimEnd('/')
            ?? (configuration["ASPNETCORE_URLS"] ?? "http://localhost:15000").Split(';')[0].TrimEnd('/');
        var shop = model.Resources.OfType<ProjectResource>().FirstOrDefault(r => r.Name == "gateway")?.GetEndpoint("http").Url;
        logger.LogInformation("All healthy in {Seconds:F1} s.\n    Dashboard: {Dashboard}/login?t={Token}\n    Shop:      {Shop}",
            started.Elapsed.TotalSeconds, dashboard, configuration["AppHost:BrowserToken"], shop ?? "(servers only)");
    }

    private static async Task WatchAsync(ResourceNotificationService notifications, HashSet<string> watched,
        ConcurrentDictionary<string, string> states, ILogger logger, CancellationToken ct)
    {
        var failed = new HashSet<string>();
        try
        {
            await foreach (var update in notifications.WatchAsync(ct))
            {
                var snapshot = update.Snapshot;
                // Any resource (a run-once step too) that failed: said once, as whatever waits for it will wait forever.
                if (IsFailure(snapshot) && failed.Add(update.Resource.Name))
                    logger.LogError("{Resource} {State}{Code}: its console log in the dashboard says why; what waits for it cannot start.",
                        update.Resource.Name, snapshot.State?.Text, snapshot.ExitCode is { } code ? $" with exit code {code}" : "");
                if (!watched.Contains(update.Resource.Name)) continue;
                states[update.Resource.Name] = snapshot.HealthStatus?.ToString() == "Healthy"
                    ? "Healthy"
                    : $"{snapshot.State?.Text ?? "?"}{(snapshot.HealthStatus is { } health ? ", " + health : "")}";
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static bool IsFailure(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.FailedToStart
        || ((snapshot.State?.Text == KnownResourceStates.Exited || snapshot.State?.Text == KnownResourceStates.Finished)
            && snapshot.ExitCode is { } code && code != 0);
}
