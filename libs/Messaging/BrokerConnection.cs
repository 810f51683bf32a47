using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace ECommerce.Messaging;

/// <summary>
/// The broker connection Aspire's RabbitMQ client integration registers, resolved on first use rather than at start
/// (auto-activation is off): a service starts while the broker is away and reports not ready. The container does not
/// keep a failed connect, so each use tries again until the broker answers; from then on RabbitMQ.Client's automatic
/// recovery brings the connection, its channels and consumers back after a broker restart.
/// </summary>
internal sealed class BrokerConnection(IServiceProvider services)
{
    /// <remarks>The integration connects synchronously; off the caller's thread so an async caller is not blocked.</remarks>
    public Task<IConnection> GetAsync(CancellationToken ct) =>
        Task.Run(services.GetRequiredService<IConnection>, ct);
}
