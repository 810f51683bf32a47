using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace ECommerce.Gateway.Health;

/// <summary>
/// The gateway is ready as far as its upstreams are: asks every destination YARP knows (each cluster's instances,
/// as service discovery resolved them) for its readiness in parallel, a cluster counting as its best destination,
/// and reports each service's status. YARP's own active checks only say up or down; this reads the services'
/// Healthy/Degraded/Unhealthy.
/// </summary>
public sealed class DownstreamHealthCheck(IProxyStateLookup proxy, IHttpClientFactory clients) : IHealthCheck
{
    public const string ClientName = "downstream-health";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var clusters = proxy.GetClusters().OrderBy(c => c.ClusterId, StringComparer.Ordinal).ToList();
        var statuses = await Task.WhenAll(clusters.Select(c => ProbeClusterAsync(c.Destinations.Values, cancellationToken)));
        var data = clusters.Zip(statuses).ToDictionary(x => x.First.ClusterId, x => (object)x.Second.ToString());
        var worst = statuses.Length == 0 ? HealthStatus.Healthy : statuses.Min();
        return new HealthCheckResult(worst, data: data);
    }

    private async Task<HealthStatus> ProbeClusterAsync(IEnumerable<Yarp.ReverseProxy.Model.DestinationState> destinations, CancellationToken ct)
    {
        var results = await Task.WhenAll(destinations.Select(d => ProbeAsync(d.Model.Config.Address, ct)));
        return results.Length == 0 ? HealthStatus.Unhealthy : results.Max();
    }

    private async Task<HealthStatus> ProbeAsync(string destination, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(ProbeTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(new Uri(new Uri(destination), "/health"), cts.Token);
            await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cts.Token);
            return json.RootElement.TryGetProperty("status", out var status)
                && Enum.TryParse<HealthStatus>(status.GetString(), out var parsed) ? parsed : HealthStatus.Unhealthy;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or Polly.ExecutionRejectedException)
        {
            return HealthStatus.Unhealthy;
        }
    }
}
