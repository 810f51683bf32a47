using ECommerce.SystemInfrastructure;

namespace ECommerce.Browser.Tests;

/// <summary>
/// The whole system once for all browser tests (the shared AppHost fixture, with a browser's settings), and one headless
/// Debian Chromium driven by Playwright. Set ECOMMERCE_GATEWAY_URL to test an already running system instead (e.g.
/// ./run.sh while working on the frontends).
/// </summary>
public sealed class SystemFixture : ShopSystem, IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    /// <summary>How long access tokens live in the system these tests boot.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(45);

    /// <summary>The gateway under test: the started system's, or ECOMMERCE_GATEWAY_URL's.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>
    /// Where ./frontends.sh publishes remote versions for the gateway these tests boot (its own folder, not the
    /// repository's frontends/releases); ECOMMERCE_FRONTENDS_RELEASES names the running system's when testing one.
    /// </summary>
    public string ReleasesDirectory { get; } =
        Environment.GetEnvironmentVariable("ECOMMERCE_FRONTENDS_RELEASES") is { Length: > 0 } releases
            ? releases
            : Path.Combine(Path.GetTempPath(), $"browser-tests-releases-{Guid.NewGuid():N}");

    public IBrowser Browser { get; private set; } = null!;

    public ShopApi Api { get; private set; } = null!;

    protected override IEnumerable<(string Resource, string Key, string Value)> Settings =>
    [
        // A browser session makes many more calls per minute than the per-user budget meant for API clients.
        ("gateway", "RateLimiting__PerUser__PermitLimit", "2000"),
        ("gateway", "RateLimiting__PerIp__PermitLimit", "5000"),
        // Short-lived access tokens: every test then runs through silent refreshes, and one waits for them.
        ("identity", "Identity__AccessTokenLifetime", $"{AccessTokenLifetime:c}"),
        ("gateway", "Frontends__Releases", ReleasesDirectory),
    ];

    async Task IAsyncLifetime.InitializeAsync()
    {
        if (!File.Exists(Paths.HostIndex))
            throw new InvalidOperationException($"{Paths.HostIndex} is missing: run eng/build-frontends.sh first.");
        if (Environment.GetEnvironmentVariable("ECOMMERCE_GATEWAY_URL") is { Length: > 0 } running)
        {
            BaseUrl = new Uri(running);
        }
        else
        {
            await InitializeAsync();
            BaseUrl = GatewayUrl;
        }
        Api = new ShopApi(BaseUrl);
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
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        try
        {
            await DisposeAsync();
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("ECOMMERCE_FRONTENDS_RELEASES") is not { Length: > 0 })
                try { Directory.Delete(ReleasesDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
