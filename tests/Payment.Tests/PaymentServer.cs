using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ECommerce.Payment.Tests;

/// <summary>
/// The payment service in-process on a real Kestrel port (not the in-memory test server): its processor client
/// calls the processor endpoints over loopback TCP, through the same resilience pipeline as in the running system.
/// </summary>
public sealed class PaymentServer : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public PaymentServer(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}
