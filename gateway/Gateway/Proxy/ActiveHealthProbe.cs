namespace ECommerce.Gateway.Proxy;

/// <summary>
/// Active health checks: every destination of a cluster that enables them is asked for its readiness on an
/// interval; one that fails is taken out of load balancing until a probe succeeds again.
/// </summary>
public sealed class ActiveHealthProbe(ClusterDestinations clusters, HttpMessageInvoker invoker, ILogger<ActiveHealthProbe> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = new Dictionary<string, DateTimeOffset>();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await tick.WaitForNextTickAsync(stoppingToken))
        {
            var now = DateTimeOffset.UtcNow;
            var probes = new List<Task>();
            foreach (var clusterId in clusters.ClusterIds)
            {
                var active = clusters.Cluster(clusterId)?.HealthCheck.Active;
                if (active is not { Enabled: true } || due.GetValueOrDefault(clusterId) > now) continue;
                due[clusterId] = now + active.Interval;
                probes.AddRange(clusters.All(clusterId).Select(d => ProbeAsync(clusterId, d, active, stoppingToken)));
            }
            await Task.WhenAll(probes);
        }
    }

    private async Task ProbeAsync(string clusterId, Destination destination, ActiveHealthCheckConfig config, CancellationToken ct)
    {
        bool healthy;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(config.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(destination.Address, config.Path));
            using var response = await invoker.SendAsync(request, cts.Token);
            healthy = response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            healthy = false;
        }
        if (healthy != destination.ActiveHealthy)
        {
            logger.LogWarning("Destination {Destination} of {Cluster} is now {State}", destination.Id, clusterId,
                healthy ? "healthy" : "unhealthy");
        }
        destination.ActiveHealthy = healthy;
    }
}
