namespace ECommerce.Gateway.Edge;

/// <summary>Headers that keep browsers from sniffing, framing and leaking: set once at the edge for every response.</summary>
public static class SecurityHeadersMiddleware
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // The API explorer needs its own inline script and styles; everything else is plain data.
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger")
                ? "frame-ancestors 'none'; default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
                : "frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
