namespace ECommerce.ServiceDefaults.Discovery;

/// <summary>Rewrites requests to logical hosts (<c>http://product/...</c>) to a configured endpoint.</summary>
public sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri && resolver.TryResolve(uri, out var resolved))
            request.RequestUri = resolved;
        return base.SendAsync(request, cancellationToken);
    }
}
