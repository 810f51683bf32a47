using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace ECommerce.Messaging;

/// <summary>
/// One long-lived broker connection per process, opened on first use. Once open, RabbitMQ.Client's
/// automatic recovery brings it (and its channels) back after a broker restart; until the first open
/// succeeds, each use tries again.
/// </summary>
public sealed class RabbitMqConnection(ConnectionFactory factory, ILogger<RabbitMqConnection> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public bool IsOpen => _connection?.IsOpen == true;

    public async Task<IConnection> GetAsync(CancellationToken ct = default)
    {
        if (_connection is { } existing) return existing;
        await _gate.WaitAsync(ct);
        try
        {
            if (_connection is null)
            {
                _connection = await factory.CreateConnectionAsync(ct);
                _connection.ConnectionShutdownAsync += (_, args) =>
                {
                    logger.LogWarning("Broker connection lost: {Reason}", args.ReplyText);
                    return Task.CompletedTask;
                };
                _connection.RecoverySucceededAsync += (_, _) =>
                {
                    logger.LogInformation("Broker connection recovered");
                    return Task.CompletedTask;
                };
                logger.LogInformation("Connected to broker {Host}:{Port}", factory.HostName, factory.Port);
            }
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            try { await connection.CloseAsync(TimeSpan.FromSeconds(2)); }
            catch (Exception ex) { logger.LogDebug(ex, "Closing the broker connection failed"); }
            connection.Dispose();
        }
        _gate.Dispose();
    }
}
