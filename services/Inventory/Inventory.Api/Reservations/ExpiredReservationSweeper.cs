using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Inventory.Api.Reservations;

/// <summary>
/// Releases reservations whose time ran out, so an order that never finished cannot hold stock forever. No reply is
/// published: the order saga runs its own timeout and compensates by itself. Each release is its own transaction and
/// rows are claimed with SKIP LOCKED, so several instances can sweep side by side.
/// </summary>
public sealed class ExpiredReservationSweeper(
    NpgsqlDataSource dataSource, ReservationStore reservations, IOptions<InventoryOptions> options,
    TimeProvider time, ILogger<ExpiredReservationSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SweepOnceAsync(stoppingToken) > 0) { }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Expired reservations not swept this time: {Reason}", ex.Message);
            }
            try { await Task.Delay(options.Value.SweepInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Releases one batch of expired reservations; returns how many were released.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var released = 0;
        for (var i = 0; i < options.Value.SweepBatchSize; i++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var orderId = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                """
                SELECT order_id FROM reservations WHERE status = 'Reserved' AND expires_at < @now
                ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED
                """, new { now = time.GetUtcNow() }, tx, cancellationToken: ct));
            if (orderId is null) return released;

            await reservations.ReleaseAsync(orderId.Value, tx, ct);
            await tx.CommitAsync(ct);
            released++;
            logger.LogInformation("Reservation of order {OrderId} expired and was released", orderId);
        }
        return released;
    }
}
