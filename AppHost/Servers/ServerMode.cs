using System.Diagnostics;

namespace ECommerce.AppHost.Servers;

/// <summary>
/// Containers when a container runtime answers, local processes otherwise; <c>--servers auto|local|container</c>
/// (or the <c>servers</c> setting) overrides the choice.
/// </summary>
public static class ServerMode
{
    public const string Local = "local";
    public const string Container = "container";

    public static string Resolve(string? requested) => requested?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => ContainerRuntimeAnswers() ? Container : Local,
        Local => Local,
        Container => Container,
        var other => throw new ArgumentException($"--servers {other}: expected auto, local or container."),
    };

    private static bool ContainerRuntimeAnswers()
    {
        foreach (var runtime in new[] { Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME"), "docker", "podman" })
        {
            if (string.IsNullOrWhiteSpace(runtime)) continue;
            try
            {
                using var process = Process.Start(new ProcessStartInfo(runtime, ["info"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                });
                if (process is null) continue;
                if (process.WaitForExit(10_000) && process.ExitCode == 0) return true;
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed: try the next one
            }
        }
        return false;
    }
}
