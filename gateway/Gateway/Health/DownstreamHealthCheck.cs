using System.Text.Json;
using ECommerce.Gateway.Proxy;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Gateway.Health;

/// <summary>
/// The gateway is ready as far as its upstreams are: asks every cluster's destinations for their readiness
/// in parallel (a cluster counts as its best destination) and reports each service's status.
/// </summary>
public sealed class DownstreamHealthCheck(ClusterDestinations clusters, HttpMessageInvoker invoker) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ids = clusters.ClusterIds.ToList();
        var statuses = await Task.WhenAll(ids.Select(id => ProbeClusterAsync(id, cancellationToken)));
        var data = ids.Zip(statuses).ToDictionary(x => x.First, x => (object)x.Second.ToString());
        var worst = statuses.Length == 0 ? HealthStatus.Healthy : statuses.Min();
        return new HealthCheckResult(worst, data: data);
    }

    private async Task<HealthStatus> ProbeClusterAsync(string clusterId, CancellationToken ct)
    {
        var results = await Task.WhenAll(clusters.All(clusterId).Select(d => ProbeAsync(d.Address, ct)));
        return results.Length == 0 ? HealthStatus.Unhealthy : results.Max();
    }

    private async Task<HealthStatus> ProbeAsync(Uri destination, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(ProbeTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(destination, "/health"));
            using var response = await invoker.SendAsync(request, cts.Token);
            await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cts.Token);
            return json.RootElement.TryGetProperty("status", out var status)
                && Enum.TryParse<HealthStatus>(status.GetString(), out var parsed) ? parsed : HealthStatus.Unhealthy;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException)
        {
            return HealthStatus.Unhealthy;
        }
    }
}
