using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECommerce.AppHost;

/// <summary>Once every resource is healthy: how long it took, the dashboard's login URL and the shop's URL.</summary>
public static class HealthReport
{
    public static void ReportWhenHealthy(this DistributedApplication app)
    {
        var started = Stopwatch.StartNew();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => _ = ReportAsync(app, started, lifetime.ApplicationStopping));
    }

    private static async Task ReportAsync(DistributedApplication app, Stopwatch started, CancellationToken stopping)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ECommerce.AppHost");
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        try
        {
            var waits = model.Resources
                .Where(r => r is ProjectResource or ExecutableResource or ContainerResource && r.Annotations.OfType<HealthCheckAnnotation>().Any())
                .Select(r => notifications.WaitForResourceHealthyAsync(r.Name, stopping));
            await Task.WhenAll(waits);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var dashboard = (configuration["ASPNETCORE_URLS"] ?? "http://localhost:15000").Split(';')[0].TrimEnd('/');
        var shop = model.Resources.OfType<ProjectResource>().FirstOrDefault(r => r.Name == "gateway")?.GetEndpoint("http").Url;
        logger.LogInformation("All healthy in {Seconds:F1} s.\n    Dashboard: {Dashboard}/login?t={Token}\n    Shop:      {Shop}",
            started.Elapsed.TotalSeconds, dashboard, configuration["AppHost:BrowserToken"], shop ?? "(servers only)");
    }
}
