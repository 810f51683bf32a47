using System.Diagnostics;

namespace ECommerce.DevHost;

/// <summary>Starts `dotnet &lt;assembly&gt;` with the given environment, its output lines going to a log.</summary>
public static class ChildProcess
{
    private const string SetSid = "/usr/bin/setsid";

    // Keys a developer's shell may carry that would contradict what DevHost passes.
    private static readonly string[] ReplacedPrefixes =
        ["ConnectionStrings__", "services__", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS",
         "HTTP_PORTS", "HTTPS_PORTS", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES"];

    public static Process Start(string assembly, string workingDirectory, IReadOnlyDictionary<string, string> environment, ResourceLog log)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // An empty stdin: a service must not read the terminal.
            RedirectStandardInput = true,
        };
        // Its own session keeps Ctrl+C in the terminal from reaching the services directly:
        // DevHost stops them itself, in order. setsid execs in place, so the pid stays the service's.
        if (File.Exists(SetSid))
        {
            start.FileName = SetSid;
            start.ArgumentList.Add(DotnetHost);
        }
        else
        {
            start.FileName = DotnetHost;
        }
        start.ArgumentList.Add(assembly);

        foreach (var key in start.Environment.Keys.ToList())
        {
            if (ReplacedPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase))) start.Environment.Remove(key);
        }
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Write(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Write(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The dotnet that runs DevHost runs the services too.</summary>
    private static string DotnetHost { get; } =
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";
}
