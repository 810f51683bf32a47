using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ECommerce.DevHost;

namespace ECommerce.Chaos.Tests;

/// <summary>
/// Runs the whole system once for the scenarios, as <c>./run.sh</c> would but on free ports in a fresh state folder,
/// with settings that keep each scenario short (<see cref="Settings"/>). Copied from System.Tests' fixture.
/// </summary>
public sealed class DevHostFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A saga gives up after 8 s instead of 30 (orders stalled by a fault end sooner), and the processor's breaker
    /// stays open 3 s instead of 15 (payment-outage recovers within its short recovery phase).
    /// </summary>
    public static readonly string[] Settings =
    [
        "order:Order__Saga__Timeout=00:00:08",
        "payment:Resilience__Dependencies__processor__Breaker__BreakDuration=00:00:03",
    ];

    private readonly StringBuilder _output = new();
    private readonly Lock _stopLock = new();
    private Process? _process;
    private Task? _stopping;

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"devhost-chaos-tests-{Guid.NewGuid():N}");

    public DevHostStatus Status { get; private set; } = null!;

    public HttpClient Control { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BuildInfo.DevHostAssembly))
            throw new InvalidOperationException($"{BuildInfo.DevHostAssembly} is missing: build the solution first.");
        // Not a 0700 temp folder: PostgreSQL runs as its own user and must reach its data folder inside.
        Directory.CreateDirectory(StateDirectory);

        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { BuildInfo.DevHostAssembly, "--auto-ports", "--fresh", "--state", StateDirectory, "--quiet" })
            start.ArgumentList.Add(arg);
        foreach (var setting in Settings)
        {
            start.ArgumentList.Add("--env");
            start.ArgumentList.Add(setting);
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var statusFile = Path.Combine(StateDirectory, "devhost.json");
        var deadline = DateTime.UtcNow + StartBound;
        while (!File.Exists(statusFile))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"DevHost exited with code {_process.ExitCode} before it was up:\n{Output}");
            if (DateTime.UtcNow > deadline)
            {
                // Left running it would hold servers and ports past the test run.
                await Record.ExceptionAsync(StopAsync);
                throw new TimeoutException($"DevHost was not up within {StartBound.TotalSeconds} s:\n{Output}");
            }
            await Task.Delay(250);
        }
        Status = JsonSerializer.Deserialize<DevHostStatus>(await File.ReadAllTextAsync(statusFile), Json)!;
        Control = new HttpClient { BaseAddress = new Uri(Status.ControlUrl), Timeout = TimeSpan.FromSeconds(150) };
        Gateway = new HttpClient { BaseAddress = new Uri(Status.GatewayUrl!), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>
    /// SIGTERM, as Ctrl+C would be, then the promise: DevHost exits 0 and nothing it started still listens.
    /// Runs once; the last test calls it so a failure is a failed test, disposal calls it otherwise.
    /// </summary>
    public Task StopAsync()
    {
        lock (_stopLock) return _stopping ??= StopOnceAsync();
    }

    public async Task DisposeAsync()
    {
        Control?.Dispose();
        Gateway?.Dispose();
        try
        {
            await StopAsync();
        }
        finally
        {
            _process?.Dispose();
            TryDelete(StateDirectory);
        }
    }

    private async Task StopOnceAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) Signals.Send(_process.Id, Signals.Term);
        using var bound = new CancellationTokenSource(StopBound);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            throw new TimeoutException($"DevHost did not exit within {StopBound.TotalSeconds} s of SIGTERM:\n{Output}");
        }
        if (_process.ExitCode != 0)
            throw new InvalidOperationException($"DevHost exited with code {_process.ExitCode} after SIGTERM:\n{Output}");
        var listening = Status is null ? [] : AllPorts(Status).Where(IsListening).ToList();
        if (listening.Count > 0)
            throw new InvalidOperationException($"Still listening after DevHost exited: {string.Join(", ", listening)}\n{Output}");
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static IEnumerable<int> AllPorts(DevHostStatus status) =>
        status.Resources.SelectMany(r => r.Ports).Append(new Uri(status.ControlUrl).Port).Distinct();

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
