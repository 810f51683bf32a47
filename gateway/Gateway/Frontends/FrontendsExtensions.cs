using Microsoft.Extensions.FileProviders;

namespace ECommerce.Gateway.Frontends;

/// <summary>
/// Serves the built micro-frontends at the gateway's origin: the shell at <c>/</c>, each remote under
/// <c>/remotes/&lt;name&gt;/</c>, and the shell's index.html for client-side routes (SPA fallback). One origin means
/// no CORS for the apps and one place for security headers.
/// </summary>
public static class FrontendsExtensions
{
    /// <summary>Paths that belong to the gateway and services: never answered with the shell's index.html.</summary>
    private static readonly string[] ServerPaths = ["/api", "/.well-known", "/health", "/alive", "/swagger", "/openapi", "/remotes", "/releases", "/frontends"];

    public static WebApplication UseFrontends(this WebApplication app)
    {
        var options = Options(app);
        var root = RootOf(app, options);
        foreach (var remote in options.Remotes)
            Serve(app, Path.Combine(root, remote, "dist"), $"/remotes/{remote}");
        app.UseFrontendReleases(options, root);
        Serve(app, Path.Combine(root, options.Host, "dist"), "");
        return app;
    }

    /// <summary>Client routes (<c>/products/42</c>, <c>/account/orders</c>) get the shell, which routes them itself.</summary>
    public static WebApplication MapFrontendFallback(this WebApplication app)
    {
        var index = Path.Combine(RootOf(app, Options(app)), Options(app).Host, "dist", "index.html");
        app.MapFallback("{*path:nonfile}", async context =>
        {
            var path = context.Request.Path;
            var isPage = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            if (!isPage || ServerPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) || !File.Exists(index))
            {
                await TypedResults.Problem($"Nothing at '{path}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
                    .ExecuteAsync(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = FrontendCachePolicy.Revalidate;
            await context.Response.SendFileAsync(index, context.RequestAborted);
        }).AllowAnonymous();
        return app;
    }

    private static void Serve(WebApplication app, string directory, string requestPath)
    {
        if (!Directory.Exists(directory))
        {
            app.Logger.LogWarning("Frontend {Path} not built ({Directory} missing): run eng/build-frontends.sh", requestPath == "" ? "/" : requestPath, directory);
            return;
        }
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = requestPath,
            FileProvider = new PhysicalFileProvider(directory),
            OnPrepareResponse = FrontendCachePolicy.Apply,
        });
    }

    private static FrontendsOptions Options(WebApplication app) =>
        app.Configuration.GetSection(FrontendsOptions.SectionName).Get<FrontendsOptions>() ?? new();

    private static string RootOf(WebApplication app, FrontendsOptions options) =>
        Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, options.Root));
}
