using Polly;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>Names the dependency on a rejection (breaker open, bulkhead full, timeout) so the 503/504 answer can say whose.</summary>
internal sealed class DependencyTagHandler(string dependency) : DelegatingHandler
{
    public const string DependencyKey = "ecommerce.dependency";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (ExecutionRejectedException rejected)
        {
            rejected.Data[DependencyKey] = dependency;
            throw;
        }
    }
}
