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

namespace ECommerce.Messaging
{
    public interface IMessageHandler<in TMessage> where TMessage : class
    {
        Task HandleAsync(TMessage message, MessageContext context, CancellationToken ct);
    }
    public sealed class MessageContext
    {
        public required string MessageId { get; init; }
        public required string MessageType { get; init; }
        public int Attempt { get; init; }
        public string? CorrelationId { get; init; }
        public NpgsqlConnection? Connection { get; init; }
        public NpgsqlTransaction? Transaction { get; init; }
        public Task PublishAsync<T>(T message, CancellationToken ct = default) where T : class => Task.CompletedTask;
    }
    public interface IOutbox { Task EnqueueAsync<T>(T message, NpgsqlTransaction transaction, CancellationToken ct = default) where T : class; }
    public interface IMessagePublisher { Task PublishAsync<T>(T message, CancellationToken ct = default) where T : class; }
    public sealed class PermanentMessageException(string message) : Exception(message);
    public sealed class MessagingOptions
    {
        public string ServiceName { get; set; } = "";
        public void UseOutbox(string connectionName) { }
        public void Handle<TMessage, THandler>() where TMessage : class where THandler : class, IMessageHandler<TMessage> { }
    }
    public static class MessagingShimExtensions
    {
        public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string name, Action<MessagingOptions> configure) => builder;
    }
}
