using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ECommerce.DevHost;

namespace ECommerce.System.Tests;

/// <summary>
/// Runs the whole system once for the collection, the way a developer would: DevHost as a process, on free ports,
/// in a fresh state folder. Tearing down checks the promise of Ctrl+C: it exits and leaves nothing listening.
/// </summary>
public class DevHostFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly StringBuilder _output = new();
    private readonly Lock _stopLock = new();
    private Process? _process;
    private Task? _stopping;

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"devhost-system-tests-{Guid.NewGuid():N}");

    public DevHostStatus Status { get; private set; } = null!;

    public HttpClient Control { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The broker's AMQP URI, for tests that publish or inspect queues themselves.</summary>
    public string EventBusUri => Status.Resources.Single(r => r.Name == "eventbus").ConnectionString!;

    /// <summary>More DevHost arguments, such as <c>--env</c> settings a collection's tests rely on.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

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
        foreach (var arg in new[] { BuildInfo.DevHostAssembly, "--auto-ports", "--fresh", "--state", StateDirectory, "--quiet" }.Concat(ExtraArguments))
            start.ArgumentList.Add(arg);
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
