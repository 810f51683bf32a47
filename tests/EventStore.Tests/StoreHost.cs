using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECommerce.EventStore.Tests;

/// <summary>A host wired the way a service wires the store (AddEventStore on ConnectionStrings:events).</summary>
public sealed class StoreHost : IAsyncDisposable
{
    public const string ConnectionName = "events";
    private readonly IHost _host;

    private StoreHost(IHost host) => _host = host;

    public IEventStore Store => _host.Services.GetRequiredService<IEventStore>();
    public IProjectionDaemon Daemon => _host.Services.GetRequiredService<IProjectionDaemon>();
    public IServiceProvider Services => _host.Services;

    /// <param name="runDaemon">False keeps hosted services (the projection daemon) stopped.</param>
    public static async Task<StoreHost> StartAsync(StoreDatabase database, Action<EventStoreOptions>? configure = null, bool runDaemon = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration[$"ConnectionStrings:{ConnectionName}"] = database.ConnectionString;
        builder.AddEventStore(ConnectionName, store =>
        {
            TestEvents.Register(store);
            configure?.Invoke(store);
        });
        var host = builder.Build();
        if (runDaemon) await host.StartAsync();
        return new StoreHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
