namespace ECommerce.Gateway.Proxy;

public static class ReverseProxyEndpoints
{
    /// <summary>Adds the configured routes (reloadable) to the app's endpoints.</summary>
    public static WebApplication MapReverseProxy(this WebApplication app)
    {
        ((IEndpointRouteBuilder)app).DataSources.Add(app.Services.GetRequiredService<ProxyEndpointDataSource>());
        return app;
    }
}
