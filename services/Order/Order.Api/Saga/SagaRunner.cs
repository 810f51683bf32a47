using ECommerce.Order.Api.Domain;
using JasperFx;
using Marten;
using Npgsql;

namespace ECommerce.Order.Api.Saga;

/// <summary>
/// One saga step in the caller's transaction: a Marten session enlisted in it fetches the order's stream for writing
/// (the inline snapshot and the stream's version), the saga decides, the session appends the events (the inline
/// projections update the snapshot and the <c>orders</c> row in the same transaction) and the messages go to the outbox
/// in that transaction too. Nothing locks the order while deciding: two steps racing on one order both decide, the
/// first to save wins, and the other's save fails on the stream version (Marten's optimistic concurrency) and is
/// decided again from a savepoint, against the order as the winner left it.
/// </summary>
public sealed class SagaRunner(IDocumentStore store, TimeProvider clock, OrderMetrics metrics, ILogger<SagaRunner> logger)
{
    public const int MaxAttempts = 5;

    public async Task<SagaDecision> RunAsync(
        Guid orderId, object trigger, NpgsqlTransaction transaction, IMessageSink sink, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await transaction.SaveAsync("saga_step", ct);
            try
            {
                await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
                var stream = await session.Events.FetchForWriting<OrderAggregate>(orderId, ct);
                if (stream.Aggregate is not { } order)
                {
                    await transaction.ReleaseAsync("saga_step", ct);
                    logger.LogWarning("{Trigger} for unknown order {OrderId} ignored", trigger.GetType().Name, orderId);
                    return SagaDecision.Nothing;
                }
                var now = clock.GetUtcNow();
                var decision = OrderSaga.Decide(order, trigger, now);
                if (decision.Events.Count > 0)
                {
                    stream.AppendMany(decision.Events);
                    await session.SaveChangesAsync(ct);
                }
                foreach (var message in decision.Messages) await sink.SendAsync(message, ct);
                await transaction.ReleaseAsync("saga_step", ct);
                metrics.Decided(order, decision, now);
                logger.LogInformation("Order {OrderId} {Status} after {Trigger}: +{Events} events, {Messages} messages{Rejected}",
                    orderId, decision.IsNothing ? order.Status : StatusAfter(order, decision), trigger.GetType().Name,
                    decision.Events.Count, decision.Messages.Count, decision.Rejected is null ? "" : " (rejected)");
                return decision;
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync("saga_step", ct);
                metrics.ConcurrentChange();
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
}
