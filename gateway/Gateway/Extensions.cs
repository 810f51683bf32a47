using System.Net;
using ECommerce.Gateway.Health;
using ECommerce.Gateway.Proxy;
using ECommerce.ServiceDefaults.Health;

namespace ECommerce.Gateway;

internal static class Extensions
{
    public static void AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ReverseProxyOptions>(builder.Configuration.GetSection(ReverseProxyOptions.SectionName));
        builder.Services.AddSingleton<ClusterDestinations>();
        builder.Services.AddSingleton(new HttpMessageInvoker(new SocketsHttpHandler
        {
            // A proxy passes things through as they are: no redirects followed, no cookies kept, no decompression.
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            EnableMultipleHttp2Connections = true,
        }));
        builder.Services.AddSingleton<HttpForwarder>();

        builder.Services.AddHealthChecks().AddCheck<DownstreamHealthCheck>(
            "services", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(new HealthResponseWriter(GatewayHealthJson.WriteAsync));
    }
}
