using Microsoft.AspNetCore.Http.Features;

namespace ECommerce.Gateway.Proxy;

/// <summary>
/// Streams a request to an upstream and its response back: bodies are never buffered, hop-by-hop headers
/// are dropped, X-Forwarded-* are set, and a client that goes away cancels the upstream call.
/// </summary>
public sealed class HttpForwarder(HttpMessageInvoker invoker, ILogger<HttpForwarder> logger)
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
    };

    public async Task ForwardAsync(HttpContext context, Uri destination, string pathAndQuery, TimeSpan timeout)
    {
        using var request = CreateRequest(context, new Uri(destination, pathAndQuery));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        cts.CancelAfter(timeout);

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
                $"{destination.Authority} did not answer within {timeout.TotalSeconds:0.#} s.");
            return;
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Upstream {Upstream} failed: {Reason}", destination.Authority, ex.Message);
            await Problem(context, StatusCodes.Status502BadGateway, "Upstream unavailable", $"{destination.Authority} could not be reached.");
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            CopyResponseHeaders(response, context.Response);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
                await body.CopyToAsync(context.Response.Body, cts.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
            {
                // Headers are gone already: all that is left is to cut the response short.
                logger.LogWarning("Response from {Upstream} interrupted: {Reason}", destination.Authority, ex.Message);
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
