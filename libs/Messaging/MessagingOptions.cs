namespace ECommerce.Messaging;

/// <summary>
/// One service's messaging: its queue name, what it handles, where its outbox and inbox live, and the retry,
/// prefetch and concurrency settings. Numeric settings also bind from the <c>Messaging</c> configuration section.
/// </summary>
public sealed class MessagingOptions
{
    private readonly Dictionary<string, HandlerRegistration> _handlers = new(StringComparer.Ordinal);

    /// <summary>The service's queue name; also the prefix of its retry and dead-letter queues.</summary>
    public string ServiceName { get; set; } = "";
    /// <summary>The durable topic exchange every message is published to.</summary>
    public string ExchangeName { get; set; } = "events";
    /// <summary>Deliveries before a failing message is parked in the dead-letter queue.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>
    /// Wait before retry n (the last one repeats): one TTL queue per distinct delay. Empty means 1 s, 5 s, 30 s
    /// (a default list would be appended to, not replaced, by configuration binding).
    /// </summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];
    /// <summary>Unacked deliveries the broker sends ahead to each consumer.</summary>
    public ushort PrefetchCount { get; set; } = 32;
    /// <summary>
    /// Deliveries handled at once per consumer (RabbitMQ.Client's ConsumerDispatchConcurrency). With an outbox each
    /// holds a database connection; handlers mostly wait on the database, so more than the core count pays off.
    /// </summary>
    public ushort ConsumerConcurrency { get; set; } = 8;
    /// <summary>How long a publish waits for the broker's confirm before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>The relay's fallback poll; normally a NOTIFY at commit wakes it at once.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Rows the relay publishes per batch.</summary>
    public int OutboxBatchSize { get; set; } = 100;
    /// <summary>Longest wait between relay attempts while the broker or database is down.</summary>
    public TimeSpan OutboxMaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long inbox rows are kept; a redelivery older than this would be handled again.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>ConnectionStrings name of the database holding the outbox and inbox tables; null: no outbox.</summary>
    public string? OutboxConnectionName { get; private set; }

    internal IReadOnlyCollection<HandlerRegistration> Handlers => _handlers.Values;

    /// <summary>Keeps outbox and inbox tables (created by the library) in this database.</summary>
    public MessagingOptions UseOutbox(string connectionName)
    {
        OutboxConnectionName = connectionName;
        return this;
    }

    /// <summary>Binds the queue to <typeparamref name="TMessage"/>'s type name and routes it to the handler.</summary>
    public MessagingOptions Handle<TMessage, THandler>()
        where TMessage : class
        where THandler : class, IMessageHandler<TMessage>
    {
        var registration = HandlerRegistration.Create<TMessage, THandler>();
        if (!_handlers.TryAdd(registration.MessageType, registration))
            throw new InvalidOperationException($"A handler for '{registration.MessageType}' is already registered.");
        return this;
    }

    internal IReadOnlyList<TimeSpan> EffectiveRetryDelays =>
        RetryDelays.Count > 0 ? RetryDelays : [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    internal TimeSpan RetryDelay(int failedAttempt) =>
        EffectiveRetryDelays[Math.Clamp(failedAttempt - 1, 0, EffectiveRetryDelays.Count - 1)];

    internal HandlerRegistration? FindHandler(string messageType) => _handlers.GetValueOrDefault(messageType);
}
