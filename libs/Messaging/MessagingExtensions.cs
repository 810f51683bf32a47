using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace ECommerce.Messaging;

public static class MessagingExtensions
{
    /// <summary>The broker from <c>ConnectionStrings:&lt;name&gt;</c> (an AMQP URI, as Aspire passes it), with a readiness check.</summary>
    public static IHostApplicationBuilder AddRabbitMqConnection(this IHostApplicationBuilder builder, string connectionName)
    {
        var uri = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing (ConnectionStrings__{connectionName}).");
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;

        builder.Services.AddSingleton(new ConnectionFactory
        {
            Uri = new Uri(uri),
            ClientProvidedName = serviceName,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        });
        builder.Services.AddSingleton<RabbitMqConnection>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName, sp => new RabbitMqHealthCheck(sp.GetRequiredService<RabbitMqConnection>()),
            HealthStatus.Unhealthy, ["ready", "rabbitmq"], TimeSpan.FromSeconds(5)));
        return builder;
    }
}
