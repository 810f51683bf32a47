using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ECommerce.Payment.Api.Processor;

/// <summary>The processor's base address: configured, or this service's own listening address (a loopback hop).</summary>
public sealed class ProcessorAddress(IOptions<ProcessorOptions> options, IServer server)
{
    public Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseAddress)) return new Uri(options.Value.BaseAddress.TrimEnd('/') + "/");
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var own = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address yet; set Payment:Processor:BaseAddress.");
        // A wildcard listen address ("http://[::]:80", "http://+:80") is not something to connect to.
        var uri = new Uri(own.Replace("://+:", "://127.0.0.1:").Replace("://*:", "://127.0.0.1:"));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port, "/").Uri;
    }
}
