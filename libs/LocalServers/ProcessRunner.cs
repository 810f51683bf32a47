using System.Diagnostics;

namespace ECommerce.LocalServers;

internal sealed record CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs the servers' command-line tools and launches the one server that does not daemonize itself.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs a command to completion with stdout and stderr merged; kills it if it overruns.</summary>
    public static async Task<CommandResult> RunAsync(
        string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;

        using var process = Process.Start(info) ?? throw new LocalServerException($"Could not start {file}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new LocalServerException($"{Path.GetFileName(file)} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s");
        }
        // A daemon forked by the command may hold the pipes open; its output is not worth waiting for.
        string output;
        try { output = string.Concat(await Task.WhenAll(stdout, stderr).WaitAsync(TimeSpan.FromSeconds(2))); }
        catch (TimeoutException) { output = ""; }
        return new CommandResult(process.ExitCode, output.Trim());
    }

    /// <summary>
    /// Starts a long-running server in its own session (so a Ctrl+C to the test run does not reach it) with its
    /// output appended to a log file, never to our pipes: a daemon holding them would keep `dotnet test` waiting.
    /// </summary>
    public static Process StartInOwnSession(
        string file, IEnumerable<string> args, string workingDirectory, string logFile,
        IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = workingDirectory };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("log=$1; shift; exec setsid -w \"$@\" >>\"$log\" 2>&1 </dev/null");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(logFile);
        info.ArgumentList.Add(file);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return Process.Start(info) ?? throw new LocalServerException($"Could not start {file}");
    }
}
