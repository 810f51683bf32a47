using Microsoft.AspNetCore.Http.Features;

namespace ECommerce.Gateway.Proxy;

/// <summary>
/// Streams a request to an upstream and its response back: bodies are never buffered, hop-by-hop headers
/// are dropped, X-Forwarded-* are set, a client that goes away cancels the upstream call, and a destination
/// that fails at the transport level is reported to passive health (and, where safe, another one is tried).
/// </summary>
public sealed class HttpForwarder(HttpMessageInvoker invoker, ClusterDestinations clusters, ILogger<HttpForwarder> logger)
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
    };

    /// <summary>Forwards to a destination of <paramref name="clusterId"/> chosen by its load-balancing policy.</summary>
    public async Task ForwardAsync(HttpContext context, string clusterId, string pathAndQuery, TimeSpan timeout)
    {
        if (clusters.Next(clusterId) is not { } destination)
        {
            await Problem(context, StatusCodes.Status503ServiceUnavailable, "No upstream", $"Cluster '{clusterId}' has no destination.");
            return;
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        cts.CancelAfter(timeout);

        for (var attempt = 0; ; attempt++)
        {
            using var tracking = destination.TrackRequest();
            using var request = CreateRequest(context, new Uri(destination.Address, pathAndQuery));
            if (clusters.Cluster(clusterId)?.HttpRequest.ParsedVersion is { Major: 2 } http2)
            {
                // Cleartext HTTP/2 has no negotiation: ask for exactly HTTP/2 (prior knowledge) where the cluster says it is spoken.
                request.Version = http2;
                request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            }
            HttpResponseMessage response;
            try
            {
                response = await invoker.SendAsync(request, cts.Token);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return; // the client went away; nobody is left to answer
            }
            catch (OperationCanceledException)
            {
                await Problem(context, StatusCodes.Status504GatewayTimeout, "Upstream timed out",
                    $"{clusterId} did not answer within {timeout.TotalSeconds:0.#} s.");
                return;
            }
            catch (HttpRequestException ex)
            {
                clusters.ReportTransportFailure(clusterId, destination);
                logger.LogWarning("Destination {Destination} of {Cluster} failed: {Reason}", destination.Id, clusterId, ex.Message);
                if (attempt == 0 && IsSafeToRetry(context.Request, ex) && clusters.Next(clusterId, except: destination) is { } other)
                {
                    destination = other;
                    continue;
                }
                await Problem(context, StatusCodes.Status502BadGateway, "Upstream unavailable", $"{clusterId} could not be reached.");
                return;
            }
            await CopyResponseAsync(context, response, destination, cts.Token);
            return;
        }
    }

    /// <summary>
    /// Another destination may take the request when this one could not have seen it (the connection was refused)
    /// and nothing of the body was read, or when the request is one that may be repeated anyway.
    /// </summary>
    private static bool IsSafeToRetry(HttpRequest request, HttpRequestException ex) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
        || ex.HttpRequestError == HttpRequestError.ConnectionError && request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0;

    private async Task CopyResponseAsync(HttpContext context, HttpResponseMessage response, Destination destination, CancellationToken ct)
    {
        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            CopyResponseHeaders(response, context.Response);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                await body.CopyToAsync(context.Response.Body, ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
            {
                // Headers are gone already: all that is left is to cut the response short.
                logger.LogWarning("Response from {Destination} interrupted: {Reason}", destination.Id, ex.Message);
                context.Abort();
            }
        }
    }

    private static HttpRequestMessage CreateRequest(HttpContext context, Uri target)
    {
        var incoming = context.Request;
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target);
        var hasBody = incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0
            || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true && incoming.ContentLength is null;
        if (hasBody) request.Content = new StreamContent(incoming.Body);

        var connectionListed = incoming.Headers.Connection.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Contains(name) || connectionListed.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var forwardedFor = incoming.Headers["X-Forwarded-For"].ToString();
        request.Headers.Remove("X-Forwarded-For");
        if (remote is not null) request.Headers.TryAddWithoutValidation("X-Forwarded-For", string.IsNullOrEmpty(forwardedFor) ? remote : $"{forwardedFor}, {remote}");
        request.Headers.Remove("X-Forwarded-Proto");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        request.Headers.Remove("X-Forwarded-Host");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        return request;
    }

    private static void CopyResponseHeaders(HttpResponseMessage from, HttpResponse to)
    {
        foreach (var (name, values) in from.Headers.Concat(from.Content.Headers))
        {
            if (HopByHop.Contains(name)) continue;
            to.Headers[name] = values.ToArray();
        }
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
}
