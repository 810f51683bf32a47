using ECommerce.EventStore;
using ECommerce.Order.Api.Domain;
using Npgsql;

namespace ECommerce.Order.Api.Saga;

/// <summary>
/// One saga step in the caller's transaction: lock the order's row, load its stream, decide, append the events
/// (the inline projection updates the row in the same transaction) and send the messages through the outbox.
/// The row lock serializes steps for one order across handlers, the timeout worker and service instances; the
/// expected version is the backstop, retried from a savepoint.
/// </summary>
public sealed class SagaRunner(IEventStore store, TimeProvider clock, OrderMetrics metrics, ILogger<SagaRunner> logger)
{
    private const int MaxAttempts = 5;

    public async Task<SagaDecision> RunAsync(
        Guid orderId, object trigger, NpgsqlTransaction transaction, IMessageSink sink, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await transaction.SaveAsync("saga_step", ct);
            try
            {
                if (!await LockAsync(orderId, transaction, ct))
                {
                    logger.LogWarning("{Trigger} for unknown order {OrderId} ignored", trigger.GetType().Name, orderId);
                    return SagaDecision.Nothing;
                }
                var events = await store.ReadStreamAsync(OrderStream.Id(orderId), ct: ct);
                var order = OrderAggregate.Fold(events.Select(e => e.Data));
                var version = events.Count == 0 ? ExpectedVersion.NoStream : events[^1].Version;
                var now = clock.GetUtcNow();
                var decision = OrderSaga.Decide(order, trigger, now);
                if (decision.Events.Count > 0)
                    await store.AppendAsync(OrderStream.Id(orderId), version, decision.Events, transaction, ct);
                foreach (var message in decision.Messages) await sink.SendAsync(message, ct);
                await transaction.ReleaseAsync("saga_step", ct);
                metrics.Decided(order, decision, now);
                logger.LogInformation("Order {OrderId} {Status} after {Trigger}: +{Events} events, {Messages} messages{Rejected}",
                    orderId, decision.IsNothing ? order.Status : StatusAfter(order, decision), trigger.GetType().Name,
                    decision.Events.Count, decision.Messages.Count, decision.Rejected is null ? "" : " (rejected)");
                return decision;
            }
            catch (WrongExpectedVersionException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync("saga_step", ct);
                logger.LogInformation("Order {OrderId} changed concurrently; deciding {Trigger} again", orderId, trigger.GetType().Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && transaction.Connection is { State: System.Data.ConnectionState.Open })
            {
                // Undo this step only, so a caller batching several orders in one transaction can go on with the others.
                await transaction.RollbackAsync("saga_step", ct);
                throw;
            }
        }
    }

    private static OrderStatus StatusAfter(OrderAggregate order, SagaDecision decision)
    {
        foreach (var e in decision.Events) order.When(e);
        return order.Status;
    }

    private static async Task<bool> LockAsync(Guid orderId, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var lockRow = new NpgsqlCommand("SELECT 1 FROM orders WHERE id = @id FOR UPDATE", transaction.Connection, transaction);
        lockRow.Parameters.AddWithValue("id", orderId);
        return await lockRow.ExecuteScalarAsync(ct) is not null;
    }
}
