using ECommerce.SystemInfrastructure;

namespace ECommerce.Browser.Tests;

/// <summary>Where the browser tests find the built frontends and keep their screenshots.</summary>
public static class Paths
{
    /// <summary>The shell's build output; eng/build-frontends.sh makes it (test.sh runs that first).</summary>
    public static string HostIndex => Path.Combine(BuildInfo.RepoRoot, "frontends", "host", "dist", "index.html");

    /// <summary>Screenshots of each step, kept as test artifacts (git-ignored).</summary>
    public static string ScreenshotRoot => Path.Combine(BuildInfo.RepoRoot, "artifacts", "browser");
}
