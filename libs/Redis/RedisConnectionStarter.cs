using Microsoft.Extensions.Hosting;

namespace ECommerce.Redis;

/// <summary>Opens the shared connection at start, so the first request and the first readiness probe find it ready.</summary>
internal sealed class RedisConnectionStarter(RedisConnection connection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(connection);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
