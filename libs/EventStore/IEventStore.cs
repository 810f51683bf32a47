using Npgsql;

namespace ECommerce.EventStore;

/// <summary>Append-only streams of events in PostgreSQL, with optimistic concurrency and a global order.</summary>
public interface IEventStore
{
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, long toVersion = long.MaxValue, CancellationToken ct = default);

    /// <param name="expectedVersion">
    /// <see cref="ExpectedVersion.NoStream"/> for a new stream, <see cref="ExpectedVersion.Any"/>, or the version the
    /// caller last saw. A mismatch throws <see cref="WrongExpectedVersionException"/>.
    /// </param>
    /// <returns>The stream's new version.</returns>
    Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default);

    /// <summary>
    /// Appends inside the caller's transaction, so other writes (an outbox row) commit or roll back with the events;
    /// inline projections run in it too. Until that transaction ends it holds the stream's row lock and the shared append
    /// lock (projection daemons wait for it): keep it short.
    /// </summary>
    Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, NpgsqlTransaction transaction, CancellationToken ct = default);

    /// <summary>
    /// Folds the stream into <typeparamref name="T"/> through its public <c>void Apply(TEvent)</c> methods, starting from
    /// the newest snapshot at or below <paramref name="toVersion"/>. Null when the stream does not exist.
    /// </summary>
    Task<T?> AggregateStreamAsync<T>(string streamId, long toVersion = long.MaxValue, CancellationToken ct = default) where T : class, new();

    /// <summary>
    /// The same fold on the caller's connection and transaction: sees the transaction's own uncommitted appends, and
    /// with <c>SELECT ... FOR UPDATE</c> or serializable isolation the caller controls what it may miss.
    /// </summary>
    Task<T?> AggregateStreamAsync<T>(string streamId, NpgsqlTransaction transaction, long toVersion = long.MaxValue, CancellationToken ct = default) where T : class, new();

    /// <summary>
    /// Events of every stream after <paramref name="afterPosition"/>, in global position order, never past an append
    /// still in flight (it waits for such appends to end, up to 30 s, then throws TimeoutException), so a reader that
    /// pages on never skips an event.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition = 0, int maxCount = 1000, CancellationToken ct = default);

    /// <summary>The stream's current version, 0 when it does not exist.</summary>
    Task<long> GetStreamVersionAsync(string streamId, CancellationToken ct = default);
}
