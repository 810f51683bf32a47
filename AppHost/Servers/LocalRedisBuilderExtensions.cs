using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.AppHost.Servers;

public static class LocalRedisBuilderExtensions
{
    /// <summary>Redis as a child process on 127.0.0.1 (<paramref name="port"/>, or a free one with <c>--ports auto</c>).</summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name, int port)
    {
        var state = LocalServerState.Folder(builder, name);
        port = LocalServerState.Port(builder, port);
        builder.Services.AddHealthChecks().AddAsyncCheck(name, ct =>
            TcpProbe.CheckAsync(port, "PING\r\n"u8.ToArray(), (answer, read) => read >= 5 && answer[0] == (byte)'+', ct));
        return builder.AddResource(new LocalRedisResource(name, state))
            .WithArgs("--bind", "127.0.0.1", "--port", $"{port}", "--dir", state, "--save", "", "--appendonly", "yes")
            .WithEndpoint(name: "tcp", port: port, targetPort: port, isProxied: false)
            .WithHealthCheck(name)
            .WithIconName("Database")
            .ExcludeFromManifest();
    }
}
