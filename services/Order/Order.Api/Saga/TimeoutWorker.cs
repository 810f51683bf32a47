using ECommerce.Messaging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Order.Api.Saga;

/// <summary>
/// Cancels orders past their deadline (Timeout, with compensations). The deadline lives in the orders table, so a
/// restarted service picks up where a crashed one stopped. Each order is decided in its own transaction and nothing
/// is locked while deciding: when two instances (or a reply and this worker) decide one order at once, Marten's
/// version check lets one win and <see cref="SagaRunner"/> decides the other again, which then finds the order
/// terminal and adds nothing.
/// </summary>
public sealed class TimeoutWorker(
    NpgsqlDataSource dataSource, SagaRunner runner, IOutbox outbox, TimeProvider clock,
    IOptions<SagaOptions> options, ILogger<TimeoutWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await TimeOutBatchAsync(stoppingToken) == options.Value.TimeoutBatchSize) { }
            }
            // Never let the scan die (an exception in a hosted service stops the host): log and scan again.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Timeout scan failed, trying again: {Reason}", ex.Message);
            }
            try { await Task.Delay(options.Value.TimeoutScanInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task<int> TimeOutBatchAsync(CancellationToken ct)
    {
        var due = new List<Guid>();
        await using (var find = dataSource.CreateCommand(
            """
            SELECT id FROM orders
            WHERE status IN ('Pending', 'StockReserved') AND deadline <= @now
            ORDER BY deadline LIMIT @limit
            """))
        {
            find.Parameters.AddWithValue("now", clock.GetUtcNow());
            find.Parameters.AddWithValue("limit", options.Value.TimeoutBatchSize);
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) due.Add(reader.GetGuid(0));
        }
        foreach (var orderId in due)
        {
            // One order that cannot be decided must not hold up the others.
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await runner.RunAsync(orderId, new DeadlinePassed(orderId), transaction, MessageSinks.Outbox(outbox, transaction), ct);
                await transaction.CommitAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Timing out order {OrderId} failed; it stays due", orderId);
            }
        }
        return due.Count;
    }
}
