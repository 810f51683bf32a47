using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Order.Api.Saga;

/// <summary>
/// Every participant's reply goes the same way: into the saga, in the transaction the messaging library opened
/// (its inbox row makes a redelivered reply a no-op; the saga ignores replies that no longer fit the state).
/// </summary>
public sealed class SagaReplyHandler<TReply>(SagaRunner runner) : IMessageHandler<TReply> where TReply : class
{
    public async Task HandleAsync(TReply message, MessageContext context, CancellationToken ct)
    {
        var transaction = context.Transaction
            ?? throw new InvalidOperationException("The order service's handlers need the outbox (UseOutbox).");
        await runner.RunAsync(OrderIdOf(message), message, transaction, MessageSinks.Context(context), ct);
    }

    private static Guid OrderIdOf(TReply reply) => reply switch
    {
        StockReserved r => r.OrderId,
        StockReservationFailed r => r.OrderId,
        StockReleased r => r.OrderId,
        PaymentAuthorized r => r.OrderId,
        PaymentDeclined r => r.OrderId,
        PaymentUnavailable r => r.OrderId,
        PaymentRefunded r => r.OrderId,
        _ => throw new PermanentMessageException($"{typeof(TReply).Name} is not a saga reply."),
    };
}
