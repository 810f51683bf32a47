using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RabbitMQ.Client;

namespace ECommerce.Messaging;

public static class MessagingRegistration
{
    public const string ConfigurationSection = "Messaging";

    /// <summary>
    /// Publisher (IMessagePublisher), the consumer of <see cref="MessagingOptions.ServiceName"/>'s queue when it
    /// handles anything, and with <see cref="MessagingOptions.UseOutbox"/> the outbox (IOutbox), its relay and the inbox.
    /// The broker is <c>ConnectionStrings:&lt;connectionName&gt;</c>; settings bind from the <c>Messaging</c> section first.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string connectionName, Action<MessagingOptions> configure)
    {
        var options = new MessagingOptions();
        builder.Configuration.GetSection(ConfigurationSection).Bind(options);
        configure(options);
        Validate(options);

        if (!builder.Services.Any(d => d.ServiceType == typeof(IConnection) && !d.IsKeyedService))
            builder.AddBrokerConnection(connectionName);

        var services = builder.Services;
        services.AddSingleton<BrokerConnection>();
        services.AddSingleton(options);
        services.AddSingleton<MessagingTopology>();
        services.AddSingleton<MessagingStatus>();
        services.AddSingleton<RabbitMqPublisher>();
        services.AddSingleton<IMessagePublisher>(sp => sp.GetRequiredService<RabbitMqPublisher>());

        if (options.OutboxConnectionName is { } outboxConnection)
        {
            var connectionString = builder.Configuration.GetConnectionString(outboxConnection)
                ?? throw new InvalidOperationException($"Connection string '{outboxConnection}' is missing (ConnectionStrings__{outboxConnection}).");
            // Bounded: this pool shares the server with the service's own (see PostgresExtensions).
            var pooled = new NpgsqlConnectionStringBuilder(connectionString);
            if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase)) pooled.MaxPoolSize = 30;
            services.AddSingleton(sp => new MessagingDatabase(new NpgsqlDataSourceBuilder(pooled.ConnectionString)
                .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>()).Build()));
            services.AddSingleton<OutboxStore>();
            services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<OutboxStore>());
            services.AddSingleton<OutboxSignal>();
            services.AddHostedService<OutboxRelay>();
            services.AddHealthChecks().Add(new HealthCheckRegistration(
                "messaging-outbox", sp => new OutboxHealthCheck(sp.GetRequiredService<MessagingDatabase>()),
                HealthStatus.Degraded, ["messaging"], TimeSpan.FromSeconds(5)));
        }

        if (options.Handlers.Count > 0)
        {
            foreach (var handler in options.Handlers) services.TryAddScoped(handler.HandlerType);
            services.AddSingleton<InboxHandlerInvoker>();
            if (options.OutboxConnectionName is not null) services.AddHostedService<InboxPruner>();
            services.AddSingleton<DeliveryProcessor>();
            services.AddHostedService<MessageConsumer>();
        }
        return builder;
    }

    /// <summary>
    /// Aspire's RabbitMQ client (<c>ConnectionStrings:&lt;name&gt;</c>, an AMQP URI): the <see cref="IConnection"/>, its
    /// "RabbitMQ.Client" readiness check and RabbitMQ.Client's own tracing. The connection opens on first use and is
    /// retried by the library's loops (not by blocking start-up), then recovers by itself after a broker restart.
    /// </summary>
    private static void AddBrokerConnection(this IHostApplicationBuilder builder, string connectionName)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        builder.AddRabbitMQClient(connectionName,
            settings =>
            {
                settings.DisableAutoActivation = true;
                settings.MaxConnectRetryCount = 0;
            },
            factory =>
            {
                factory.ClientProvidedName = serviceName;
                factory.AutomaticRecoveryEnabled = true;
                factory.TopologyRecoveryEnabled = true;
                factory.NetworkRecoveryInterval = TimeSpan.FromSeconds(2);
                factory.RequestedConnectionTimeout = TimeSpan.FromSeconds(5);
            });
    }

    private static void Validate(MessagingOptions options)
    {
        if (options.Handlers.Count > 0 && string.IsNullOrWhiteSpace(options.ServiceName))
            throw new InvalidOperationException("Messaging: set ServiceName (the queue's name) when handling messages.");
        if (string.IsNullOrWhiteSpace(options.ExchangeName)) throw new InvalidOperationException("Messaging: ExchangeName is empty.");
        if (options.MaxAttempts < 1) throw new InvalidOperationException("Messaging: MaxAttempts must be at least 1.");
        if (options.EffectiveRetryDelays.Any(d => d <= TimeSpan.Zero)) throw new InvalidOperationException("Messaging: retry delays must be positive.");
        if (options.InboxRetention <= TimeSpan.Zero) throw new InvalidOperationException("Messaging: InboxRetention must be positive.");
        if (options.ConsumerConcurrency < 1 || options.PrefetchCount < 1)
            throw new InvalidOperationException("Messaging: ConsumerConcurrency and PrefetchCount must be at least 1.");
    }
}
