using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ECommerce.EventStore;

public static class EventStoreExtensions
{
    /// <summary>
    /// Registers <see cref="IEventStore"/> on the database in <c>ConnectionStrings:&lt;name&gt;</c> (sharing the service's
    /// NpgsqlDataSource when it points there), its schema (created on first use), the inline projections, and the
    /// projection daemon (<see cref="IProjectionDaemon"/>, a hosted service) for the async ones.
    /// </summary>
    public static IHostApplicationBuilder AddEventStore(this IHostApplicationBuilder builder, string connectionName, Action<EventStoreOptions>? configure = null)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(EventStoreOptions)))
            throw new InvalidOperationException("AddEventStore was already called: a service has one event store.");
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing (ConnectionStrings__{connectionName}).");
        var options = new EventStoreOptions();
        configure?.Invoke(options);
        options.Freeze();

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(sp => EventStoreDataSource.Create(sp, connectionString));
        services.AddSingleton<EventStoreSchema>();
        services.AddSingleton<EventReader>();
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<ProjectionRunner>();
        foreach (var projection in options.Projections.Registrations.Where(r => r.Instance is null))
            services.TryAddSingleton(projection.Type);
        services.AddSingleton<IEventStore, PostgresEventStore>();
        services.AddSingleton<ProjectionDaemon>();
        services.AddSingleton<IProjectionDaemon>(sp => sp.GetRequiredService<ProjectionDaemon>());
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionDaemon>());
        return builder;
    }
}
