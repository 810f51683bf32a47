using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ECommerce.ServiceDefaults.Faults;

/// <summary>
/// Applies the outbound part of the fault plan to one dependency's calls. It sits inside the resilience handler,
/// so retries, timeouts and the breaker react to injected faults exactly as to real ones.
/// </summary>
public sealed class FaultInjectionHandler(FaultInjector faults, string dependency) : DelegatingHandler
{
    private static readonly MediaTypeHeaderValue ProblemJson = new("application/problem+json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!faults.IsActive) return base.SendAsync(request, cancellationToken);
        var rule = faults.ForOutbound(dependency);
        return rule is null ? base.SendAsync(request, cancellationToken) : InjectAsync(request, rule, cancellationToken);
    }

    private async Task<HttpResponseMessage> InjectAsync(HttpRequestMessage request, OutboundFault rule, CancellationToken cancellationToken)
    {
        var decision = rule.Decide();
        faults.Count("outbound", dependency, decision);
        if (decision.Delay > TimeSpan.Zero) await Task.Delay(decision.Delay, cancellationToken);
        return decision.Outcome switch
        {
            FaultOutcome.Abort => throw new HttpRequestException(HttpRequestError.ConnectionError,
                $"Injected fault: connection to '{dependency}' aborted."),
            FaultOutcome.Error => new HttpResponseMessage((HttpStatusCode)decision.ErrorStatus)
            {
                RequestMessage = request,
                Content = JsonContent.Create(new
                {
                    title = "Injected fault",
                    status = decision.ErrorStatus,
                    detail = $"Fault plan for dependency '{dependency}' answered {decision.ErrorStatus}.",
                }, mediaType: ProblemJson),
            },
            _ => await base.SendAsync(request, cancellationToken),
        };
    }
}
