using System.Net;
using Polly;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>Tells a dependency's failure (worth a fallback) from the caller giving up or a request the dependency refused.</summary>
public static class DependencyFailures
{
    public static bool IsDependencyFailure(this Exception exception, CancellationToken callerToken = default) => exception switch
    {
        ExecutionRejectedException => true,
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => (int)status >= 500
            || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };
}
