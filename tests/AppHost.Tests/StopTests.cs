using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ECommerce.SystemInfrastructure;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// What ./run.sh runs (the built AppHost with the http profile's settings), stopped the way Ctrl+C stops it: every
/// process it started (DCP, dashboard, servers, epmd, services) is gone afterwards and none of their ports listens.
/// </summary>
public sealed partial class StopTests
{
    [Fact]
    public async Task Ctrl_C_stops_every_process_of_the_system_and_frees_every_port()
    {
        var state = Directory.CreateTempSubdirectory("ecommerce-stop-").FullName;
        using var appHost = StartAppHost(state);
        var output = new OutputLines(appHost);
        try
        {
            await output.WaitForAsync(line => line.Contains("All healthy in"), TimeSpan.FromMinutes(10));
            // DCP detaches from the AppHost (its parent is init) and watches it through --monitor <pid>: its tree counts too.
            var tree = ProcessTree.WithDescendants(appHost.Id).Concat(DcpOf(appHost.Id).SelectMany(ProcessTree.WithDescendants)).ToHashSet();
            var ports = ListeningPorts(tree);
            Assert.Contains(tree, pid => CommandLine(pid).Contains("postgres"));
            Assert.Contains(tree, pid => CommandLine(pid).Contains("redis-server"));
            Assert.Contains(tree, pid => CommandLine(pid).Contains("epmd"));
            Assert.True(ports.Count >= 10, $"expected the servers', services' and dashboard's ports, saw {ports.Count}");

            Assert.True(ProcessTree.SignalOnly(appHost.Id, ProcessTree.Interrupt));
            await appHost.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

            var survivors = await WaitAsync(() => tree.Where(ProcessTree.IsAlive).ToList(), TimeSpan.FromSeconds(30));
            Assert.True(survivors.Count == 0,
                "still running after Ctrl+C: " + string.Join("; ", survivors.Select(pid => $"{pid} {CommandLine(pid)}")));
            var listening = await WaitAsync(() => ports.Where(Listens).ToList(), TimeSpan.FromSeconds(10));
            Assert.True(listening.Count == 0, "still listening after Ctrl+C: " + string.Join(", ", listening));
        }
        finally
        {
            if (!appHost.HasExited) appHost.Kill(entireProcessTree: true);
            Directory.Delete(state, recursive: true);
        }
    }

    private static readonly string AppHostDirectory = Path.Combine(BuildInfo.RepoRoot, "AppHost");

    private static Process StartAppHost(string state)
    {
        var appHost = Path.Combine(AppHostDirectory, "bin", "Debug", "net10.0", "ECommerce.AppHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppHostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { appHost, "--ports", "auto", "--state", state, "--DcpPublisher:RandomizePorts=true" })
            start.ArgumentList.Add(arg);
        // run.sh's settings, with the dashboard on free ports so a developer's running system does not collide.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://127.0.0.1:0";
        start.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = "http://127.0.0.1:0";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static async Task<List<T>> WaitAsync<T>(Func<List<T>> left, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var current = left();
        while (current.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            current = left();
        }
        return current;
    }

    private static IEnumerable<int> DcpOf(int appHost) =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid) is var cmd && cmd.Contains("dcp") && cmd.Contains($"--monitor {appHost} "))
            .ToList();

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static List<int> ListeningPorts(HashSet<int> pids)
    {
        var ss = Process.Start(new ProcessStartInfo("ss", "-ltnpH") { RedirectStandardOutput = true })!;
        var text = ss.StandardOutput.ReadToEnd();
        ss.WaitForExit();
        return text.Split('\n')
            .Select(line => (Port: PortPattern().Match(line), Pids: PidPattern().Matches(line).Select(m => int.Parse(m.Groups[1].Value))))
            .Where(l => l.Port.Success && l.Pids.Any(pids.Contains))
            .Select(l => int.Parse(l.Port.Groups[1].Value))
            .Distinct()
            .ToList();
    }

    private static bool Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@":(\d+)\s+\S+:\*")]
    private static partial Regex PortPattern();

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex PidPattern();

    /// <summary>The AppHost's output, read as it comes, so a test can wait for a line.</summary>
    private sealed class OutputLines
    {
        private readonly List<string> _lines = [];
        private readonly SemaphoreSlim _changed = new(0);

        public OutputLines(Process process)
        {
            process.OutputDataReceived += (_, e) => Add(e.Data);
            process.ErrorDataReceived += (_, e) => Add(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        private void Add(string? line)
        {
            if (line is null) return;
            lock (_lines) _lines.Add(line);
            _changed.Release();
        }

        public async Task WaitForAsync(Func<string, bool> match, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                lock (_lines) if (_lines.Any(match)) return;
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await _changed.WaitAsync(left))
                {
                    lock (_lines) throw new TimeoutException("The AppHost never said all healthy:\n" + string.Join('\n', _lines.TakeLast(40)));
                }
            }
        }
    }
}
