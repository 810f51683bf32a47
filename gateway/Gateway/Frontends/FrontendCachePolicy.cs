using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace ECommerce.Gateway.Frontends;

/// <summary>
/// Hashed assets never change under their name, so browsers keep them for a year; the entry points (index.html,
/// remoteEntry.js, the manifests) keep their name across releases, so they are revalidated on every load. That
/// split is what lets one remote be redeployed alone: the next page load sees its new remoteEntry.js.
/// </summary>
public static class FrontendCachePolicy
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";
    private const string Short = "public, max-age=3600";

    private static readonly HashSet<string> EntryPoints = new(StringComparer.OrdinalIgnoreCase)
    {
        "index.html", "remoteEntry.js", "mf-manifest.json", "mf-stats.json",
    };

    public static string For(string relativePath)
    {
        if (EntryPoints.Contains(Path.GetFileName(relativePath))) return Revalidate;
        return relativePath.TrimStart('/').StartsWith("static/", StringComparison.Ordinal) ? Immutable : Short;
    }

    public static void Apply(StaticFileResponseContext context)
    {
        var path = context.Context.Request.Path.Value ?? context.File.Name;
        // "/remotes/admin/static/js/x.js" -> "static/js/x.js": the same rule for the shell and every remote.
        var relative = path.StartsWith("/remotes/", StringComparison.Ordinal)
            ? string.Join('/', path.Split('/').Skip(3))
            : path;
        context.Context.Response.Headers[HeaderNames.CacheControl] = For(relative);
    }
}
