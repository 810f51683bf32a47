using System.Net;
using System.Net.Http.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ECommerce.Payment.Api.Processor;

/// <summary>
/// Calls the processor through the named client <see cref="ClientName"/>, whose pipeline (ServiceDefaults) retries
/// errors and timeouts with exponential backoff and jitter: safe here, because every call is a PUT keyed by the order.
/// </summary>
public sealed class ProcessorClient(IHttpClientFactory clients, ILogger<ProcessorClient> logger)
{
    public const string ClientName = "processor";

    public async Task<AuthorizationResult> AuthorizeAsync(Guid orderId, ChargeRequest request, CancellationToken ct)
    {
        try
        {
            using var response = await Http().PutAsJsonAsync($"processor/charges/{orderId}", request, ct);
            if (response.IsSuccessStatusCode)
                return new AuthorizationResult.Authorized((await response.Content.ReadFromJsonAsync<ChargeResponse>(ct))!.ChargeId);
            if (response.StatusCode == HttpStatusCode.PaymentRequired)
                return new AuthorizationResult.Declined((await response.Content.ReadFromJsonAsync<DeclineResponse>(ct))!.Code);
            return new AuthorizationResult.Unavailable($"processor_error: HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (IsUnavailable(ex, ct))
        {
            return new AuthorizationResult.Unavailable($"processor_unreachable: {ex.Message}");
        }
    }

    /// <summary>Captures the authorization; throws when the processor cannot (the message is then retried).</summary>
    public async Task CaptureAsync(Guid orderId, CancellationToken ct)
    {
        using var response = await Http().PutAsync($"processor/charges/{orderId}/capture", null, ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Voids an authorization or refunds a capture; throws when the processor cannot (the message is then retried).</summary>
    public async Task RefundAsync(Guid orderId, CancellationToken ct)
    {
        using var response = await Http().PutAsync($"processor/charges/{orderId}/refund", null, ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// After an unavailable authorization the processor may still have authorized (the answer was lost): void whatever
    /// it holds for the key, best effort, so no money stays on hold for an order that was told "unavailable".
    /// </summary>
    public async Task VoidQuietlyAsync(Guid orderId, CancellationToken ct)
    {
        try
        {
            using var response = await Http().PutAsync($"processor/charges/{orderId}/refund", null, ct);
        }
        catch (Exception ex) when (IsUnavailable(ex, ct))
        {
            logger.LogWarning("Could not void a possible authorization for order {OrderId}: {Reason}", orderId, ex.Message);
        }
    }

    private HttpClient Http() => clients.CreateClient(ClientName);

    private static bool IsUnavailable(Exception ex, CancellationToken ct) =>
        !ct.IsCancellationRequested && ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException;
}
