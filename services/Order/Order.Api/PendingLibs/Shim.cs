// Temporary stand-in for the agreed interfaces of libs/EventStore and libs/Messaging until those branches land; removed at merge.
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ECommerce.EventStore
{
    public interface IEventStore
    {
        Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, long toVersion = long.MaxValue, CancellationToken ct = default);
        Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default);
        Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, NpgsqlTransaction transaction, CancellationToken ct = default);
        Task<T?> AggregateStreamAsync<T>(string streamId, long toVersion = long.MaxValue, CancellationToken ct = default) where T : class, new();
    }
    public sealed record StoredEvent(string StreamId, long Version, long GlobalPosition, string EventType, object Data,
        DateTimeOffset Timestamp, IReadOnlyDictionary<string, string> Metadata);
    public static class ExpectedVersion { public const long NoStream = 0; public const long Any = -1; }
    public sealed class WrongExpectedVersionException(string message) : Exception(message);
    public interface IInlineProjection { Task ApplyAsync(IReadOnlyList<StoredEvent> events, NpgsqlTransaction transaction, CancellationToken ct); }
    public interface IAsyncProjection
    {
        string Name { get; }
        Task ApplyAsync(StoredEvent @event, NpgsqlTransaction transaction, CancellationToken ct);
        Task ResetAsync(NpgsqlTransaction transaction, CancellationToken ct);
    }
    public interface IProjectionDaemon { Task RebuildAsync(string projectionName, CancellationToken ct = default); Task<long> GetCheckpointAsync(string name, CancellationToken ct = default); }
    public enum ProjectionLifecycle { Inline, Async }
    public sealed class EventStoreOptions
    {
        public EventRegistry Events { get; } = new();
        public ProjectionRegistry Projections { get; } = new();
    }
    public sealed class EventRegistry { public void Add<T>() { } }
    public sealed class ProjectionRegistry { public void Add<T>(ProjectionLifecycle lifecycle) { } }
    public static class EventStoreExtensions
    {
        public static IHostApplicationBuilder AddEventStore(this IHostApplicationBuilder builder, string name, Action<EventStoreOptions> configure) => builder;
    }
}
