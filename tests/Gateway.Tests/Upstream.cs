using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ECommerce.Gateway.Tests;

/// <summary>A real Kestrel server on a free loopback port standing in for a service behind the gateway.</summary>
internal sealed class Upstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Upstream(WebApplication app) => _app = app;

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <param name="port">0 for a free one; a port an earlier instance used, to bring that instance back.</param>
    public static async Task<Upstream> StartAsync(Action<WebApplication> map, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new Upstream(app);
    }

    /// <summary>An upstream whose readiness answers with the given status.</summary>
    public static Task<Upstream> WithHealth(string status) => StartAsync(app => app.MapGet("/health", () =>
        Results.Json(new { status }, statusCode: status == "Unhealthy" ? 503 : 200)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
