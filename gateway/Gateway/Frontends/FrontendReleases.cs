using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ECommerce.ServiceDefaults.Authentication;
using ECommerce.ServiceDefaults.Telemetry;
using Microsoft.Extensions.FileProviders;

namespace ECommerce.Gateway.Frontends;

/// <summary>
/// Versioned remotes and real-user monitoring. <c>./frontends.sh</c> publishes each remote build into an immutable
/// folder <c>&lt;ReleasesRoot&gt;/&lt;app&gt;/&lt;version&gt;/</c> and writes <c>manifest.json</c> (live, previous,
/// canary per remote); the gateway serves both under <c>/releases/</c> and the host reads the manifest at run time.
/// <c>POST /frontends/rum</c> turns what browsers report (errors, remote load failures, Web Vitals) into metrics on
/// the meter <c>ECommerce.Frontends</c>, tagged with the remote and its version, and a log line per error.
/// </summary>
public static class FrontendReleases
{
    public const string MeterName = "ECommerce.Frontends";
    private static readonly Meter Meter = Instrumentation.CreateMeter("Frontends");
    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("ecommerce.frontends.errors", description: "Errors and remote load failures reported by browsers");
    private static readonly Histogram<double> Vitals = Meter.CreateHistogram<double>("ecommerce.frontends.web_vitals", description: "Web Vitals reported by browsers (LCP and INP in ms, CLS unitless)");
    private static readonly ConcurrentDictionary<(string App, string Version, string Kind), long> Tally = new();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ReleasesRoot(WebApplication app, FrontendsOptions options) =>
        Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, options.Root, options.Releases));

    public static void UseFrontendReleases(this WebApplication app, FrontendsOptions options, string frontendsRoot)
    {
        var root = Path.GetFullPath(Path.Combine(frontendsRoot, options.Releases));
        Directory.CreateDirectory(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/releases",
            FileProvider = new PhysicalFileProvider(root),
            // A version's folder never changes; only the manifest does, so it is revalidated on every load.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.File.Name == "manifest.json" ? FrontendCachePolicy.Revalidate : FrontendCachePolicy.Immutable,
        });

        app.MapPost("/frontends/rum", (RumEvent e, ILoggerFactory loggers) =>
        {
            var appName = Clip(e.App, "host");
            var version = Clip(e.Version, "built-in");
            var kind = e.Kind is "error" or "remote-load-failure" or "vital" ? e.Kind : "error";
            if (kind == "vital")
            {
                if (e.Name is "LCP" or "INP" or "CLS" && e.Value is { } value)
                    Vitals.Record(value, new("app", appName), new("version", version), new("name", e.Name));
                return Results.Accepted();
            }
            Errors.Add(1, new("app", appName), new("version", version), new("kind", kind));
            Tally.AddOrUpdate((appName, version, kind), 1, (_, n) => n + 1);
            loggers.CreateLogger("ECommerce.Frontends").LogWarning("Browser {Kind} in {App}@{Version}: {Message}", kind, appName, version, Clip(e.Message, "", 500));
            return Results.Accepted();
        }).AllowAnonymous().DisableAntiforgery();

        // Errors per remote and version since the gateway started (the admin Releases page and the tests read it).
        app.MapGet("/frontends/rum/errors", () => Tally
            .GroupBy(t => (t.Key.App, t.Key.Version))
            .Select(g => new { app = g.Key.App, version = g.Key.Version, errors = g.Sum(t => t.Value) })
            .OrderBy(r => r.app).ThenBy(r => r.version)).AllowAnonymous();

        // The admin's instant rollback: the same switch as `./frontends.sh rollback <app>` (a canary off, else live <- previous).
        app.MapPost("/frontends/releases/{remote}/rollback", (string remote) =>
        {
            var path = Path.Combine(root, "manifest.json");
            if (!File.Exists(path)) return Results.Problem("Nothing has been released yet.", statusCode: 409);
            var manifest = JsonNode.Parse(File.ReadAllText(path))!;
            if (manifest["remotes"]?[remote] is not JsonObject release)
                return Results.Problem($"No release of '{remote}'.", statusCode: 404);
            if (release["canary"] is JsonObject)
                release["canary"] = null; // a canary is rolled back first: every session back on the live version
            else if (release["previous"]?.GetValue<string>() is { } previous)
            {
                release["previous"] = release["live"]?.GetValue<string>();
                release["live"] = previous;
            }
            else return Results.Problem($"'{remote}' has no canary and no previous version to roll back to.", statusCode: 409);
            var temp = path + ".tmp";
            File.WriteAllText(temp, manifest.ToJsonString(Indented));
            File.Move(temp, path, overwrite: true);
            return Results.Ok(release);
        }).RequireAuthorization(Policies.Admin);
    }

    private static string Clip(string? value, string fallback, int max = 64) =>
        string.IsNullOrWhiteSpace(value) ? fallback : value.Length > max ? value[..max] : value;

    public sealed record RumEvent(string? Kind, string? App, string? Version, string? Name, double? Value, string? Message);
}
