using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ECommerce.ServiceDefaults.Resilience;

namespace ECommerce.Gateway.Aggregation;

/// <summary>
/// Asks one service for one JSON part within a time budget, through its declared client (service discovery and the
/// dependency's resilience pipeline); never throws: a failed part is (status, null).
/// </summary>
public sealed class PartFetcher(IHttpClientFactory clients, ILogger<PartFetcher> logger)
{
    public async Task<(HttpStatusCode? Status, JsonNode? Body)> GetAsync(string service, string pathAndQuery, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(service).GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            if (!response.IsSuccessStatusCode) return (response.StatusCode, null);
            await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
            return (response.StatusCode, await JsonNode.ParseAsync(body, cancellationToken: cts.Token));
        }
        catch (Exception ex) when (ex is JsonException || ex.IsDependencyFailure(ct) || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Part {Path} from {Service} degraded to null: {Reason}", pathAndQuery, service,
                ex is OperationCanceledException ? $"no answer within {timeout.TotalMilliseconds:0} ms" : ex.Message);
            return (null, null);
        }
    }
}
