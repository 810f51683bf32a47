using Yarp.ReverseProxy.Forwarder;

namespace ECommerce.Gateway.Forwarding;

/// <summary>
/// A step in YARP's proxy pipeline, before load balancing, for the two failures YARP leaves to its host:
/// <list type="bullet">
/// <item>A destination that could not be reached: a request that is safe to send again (GET/HEAD/OPTIONS, or
/// any request whose connection was refused before its body was read) goes once to another available
/// destination, so one instance dying costs clients nothing while passive health takes it out.</item>
/// <item>The route's timeout (ASP.NET Core request timeouts, which YARP applies per route): YARP sees a cancelled
/// request; the client hears 504.</item>
/// </list>
/// The status codes are left bodiless; the status-code pages of ServiceDefaults make them problem+json.
/// </summary>
public static class ForwardingFailures
{
    public static IReverseProxyApplicationBuilder UseForwardingFailures(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var proxyFeature = context.GetReverseProxyFeature();
            var candidates = proxyFeature.AvailableDestinations;
            await next();

            var error = context.GetForwarderErrorFeature();
            if (error is null || context.Response.HasStarted) return;
            if (error.Error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled
                && context.Features.Get<Microsoft.AspNetCore.Http.Timeouts.IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true)
            {
                context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                return;
            }
            if (error.Error is not ForwarderError.Request || !SafeToResend(context.Request, error.Exception)) return;
            var failed = proxyFeature.ProxiedDestination;
            var others = candidates.Where(d => d != failed).ToList();
            if (others.Count == 0) return;

            proxyFeature.AvailableDestinations = others;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            await next();
        });
        return proxy;
    }

    private static bool SafeToResend(HttpRequest request, Exception? error) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
        || error is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
            && request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0;
}
