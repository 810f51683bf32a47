using System.Collections.Concurrent;
using ECommerce.TestInfrastructure;

namespace ECommerce.Cart.Tests;

/// <summary>
/// The product service at its HTTP boundary: a real Kestrel server on a fixed free port serving fixed products,
/// which a test can stop (connection refused, as when the service is down) and start again on the same port.
/// </summary>
internal sealed class ProductStub : IAsyncDisposable
{
    private readonly int _port = FreePort.Next();
    private WebApplication? _app;

    public ConcurrentDictionary<string, (string Name, decimal Price)> Products { get; } = new()
    {
        ["p-1"] = ("Trail Running Shoe", 89.90m),
        ["p-2"] = ("Espresso Machine", 249.00m),
        ["p-3"] = ("Wool Socks", 12.50m),
    };

    public string Url => $"http://127.0.0.1:{_port}";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/api/products/{id}", (string id) => Products.TryGetValue(id, out var p)
            ? Results.Json(new { id, sku = $"SKU-{id}", name = p.Name, description = "", brand = "Test", category = "Test", price = p.Price, currency = "USD" })
            : Results.Problem(statusCode: 404, title: "Not found"));
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
