using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.EventStore;

/// <summary>
/// The store's connection pool: the service's own NpgsqlDataSource (libs/Postgres registers one) when it points at the
/// same database, so the service and the store share one pool; otherwise one built from the connection string.
/// </summary>
internal sealed class EventStoreDataSource(NpgsqlDataSource value, bool owned) : IAsyncDisposable
{
    public NpgsqlDataSource Value { get; } = value;

    /// <summary>Whether the store built it (and disposes it) or shares the service's.</summary>
    public bool Owned { get; } = owned;

    public ValueTask DisposeAsync() => Owned ? Value.DisposeAsync() : ValueTask.CompletedTask;

    public static EventStoreDataSource Create(IServiceProvider services, string connectionString)
    {
        var own = new NpgsqlConnectionStringBuilder(connectionString);
        var shared = services.GetService<NpgsqlDataSource>();
        if (shared is not null && SameDatabase(new NpgsqlConnectionStringBuilder(shared.ConnectionString), own))
            return new EventStoreDataSource(shared, owned: false);
        // Bounded waits keep a stopped or paused server from hanging callers (same choice as libs/Postgres).
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) own.Timeout = 5;
        var builder = new NpgsqlDataSourceBuilder(own.ConnectionString);
        var loggers = services.GetService<ILoggerFactory>();
        if (loggers is not null) builder.UseLoggerFactory(loggers);
        return new EventStoreDataSource(builder.Build(), owned: true);
    }

    private static bool SameDatabase(NpgsqlConnectionStringBuilder a, NpgsqlConnectionStringBuilder b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port &&
        string.Equals(a.Database, b.Database, StringComparison.Ordinal) &&
        string.Equals(a.Username, b.Username, StringComparison.Ordinal);
}
