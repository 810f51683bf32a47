using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ECommerce.Gateway.Proxy;

namespace ECommerce.Gateway.Aggregation;

/// <summary>Asks one cluster for one JSON part within a time budget; never throws: a failed part is (status, null).</summary>
public sealed class PartFetcher(ClusterDestinations clusters, HttpMessageInvoker invoker, ILogger<PartFetcher> logger)
{
    public async Task<(HttpStatusCode? Status, JsonNode? Body)> GetAsync(string clusterId, string pathAndQuery, TimeSpan timeout, CancellationToken ct)
    {
        if (clusters.Next(clusterId) is not { } destination) return (null, null);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        using var tracking = destination.TrackRequest();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(destination.Address, pathAndQuery));
            using var response = await invoker.SendAsync(request, cts.Token);
            if (!response.IsSuccessStatusCode) return (response.StatusCode, null);
            await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
            return (response.StatusCode, await JsonNode.ParseAsync(body, cancellationToken: cts.Token));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Part {Path} from {Cluster} degraded to null: {Reason}", pathAndQuery, clusterId,
                ex is OperationCanceledException ? $"no answer within {timeout.TotalMilliseconds:0} ms" : ex.Message);
            return (null, null);
        }
    }
}
