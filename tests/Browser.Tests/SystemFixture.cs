using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ECommerce.DevHost;

namespace ECommerce.Browser.Tests;

/// <summary>
/// The whole system once for all browser tests: DevHost as a process on free ports in a fresh state folder (as
/// tests/System.Tests does), and one headless Debian Chromium driven by Playwright. Set ECOMMERCE_GATEWAY_URL to
/// test an already running system instead (e.g. ./run.sh while working on the frontends).
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(240);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly StringBuilder _output = new();
    private Process? _process;
    private IPlaywright? _playwright;

    /// <summary>How long access tokens live in the system these tests boot.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(45);

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"devhost-browser-tests-{Guid.NewGuid():N}");

    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>
    /// Where ./frontends.sh publishes remote versions for the gateway these tests boot (its own folder, not the
    /// repository's frontends/releases); ECOMMERCE_FRONTENDS_RELEASES names the running system's when testing one.
    /// </summary>
    public string ReleasesDirectory { get; } =
        Environment.GetEnvironmentVariable("ECOMMERCE_FRONTENDS_RELEASES") is { Length: > 0 } releases
            ? releases
            : Path.Combine(Path.GetTempPath(), $"devhost-browser-tests-releases-{Guid.NewGuid():N}");

    public IBrowser Browser { get; private set; } = null!;

    public ShopApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BuildInfo.HostIndex))
            throw new InvalidOperationException($"{BuildInfo.HostIndex} is missing: run eng/build-frontends.sh first.");
        GatewayUrl = Environment.GetEnvironmentVariable("ECOMMERCE_GATEWAY_URL") is { Length: > 0 } running
            ? new Uri(running)
            : await StartDevHostAsync();
        Api = new ShopApi(GatewayUrl);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (own storage, so its own session) at the gateway's origin.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = GatewayUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) Signals.Send(_process.Id, Signals.Term);
            using var bound = new CancellationTokenSource(StopBound);
            try
            {
                await _process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
            try { Directory.Delete(StateDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            try { Directory.Delete(ReleasesDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private async Task<Uri> StartDevHostAsync()
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
        string[] args =
        [
            BuildInfo.DevHostAssembly, "--auto-ports", "--fresh", "--state", StateDirectory, "--quiet",
            // A browser session makes many more calls per minute than the per-user budget meant for API clients.
            "--env", "gateway:RateLimiting__PerUser__PermitLimit=2000",
            "--env", "gateway:RateLimiting__PerIp__PermitLimit=5000",
            // Short-lived access tokens: every test then runs through silent refreshes, and one waits for them.
            "--env", $"identity:Identity__AccessTokenLifetime={AccessTokenLifetime:c}",
            "--env", $"gateway:Frontends__Releases={ReleasesDirectory}",
        ];
        foreach (var arg in args) start.ArgumentList.Add(arg);
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
                throw new TimeoutException($"DevHost was not up within {StartBound.TotalSeconds} s:\n{Output}");
            await Task.Delay(250);
        }
        var status = JsonSerializer.Deserialize<DevHostStatus>(await File.ReadAllTextAsync(statusFile), Json)!;
        return new Uri(status.GatewayUrl ?? throw new InvalidOperationException("DevHost runs no gateway."));
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

    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
