namespace ECommerce.ServiceDefaults.Correlation;

/// <summary>Carries the current correlation id on outgoing calls so one request is one id across services.</summary>
public sealed class CorrelationIdHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CorrelationId.Current is { } id && !request.Headers.Contains(CorrelationId.HeaderName))
            request.Headers.TryAddWithoutValidation(CorrelationId.HeaderName, id);
        return base.SendAsync(request, cancellationToken);
    }
}
