namespace ECommerce.Order.Api.Saga;

/// <summary>Where a decision's messages go: the outbox in the caller's transaction, whichever API reaches it.</summary>
public interface IMessageSink
{
    Task SendAsync<T>(T message, CancellationToken ct) where T : class;
}
