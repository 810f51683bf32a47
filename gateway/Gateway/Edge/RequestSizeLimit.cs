namespace ECommerce.Gateway.Edge;

/// <summary>
/// Refuses a declared body over the limit before anything is forwarded (Kestrel's MaxRequestBodySize stops
/// chunked bodies that grow past it while streaming).
/// </summary>
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, long maxBytes) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > maxBytes)
        {
            await TypedResults.Problem($"The body is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request too large").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
