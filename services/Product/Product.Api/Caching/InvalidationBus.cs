using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ECommerce.Product.Api.Caching;

/// <summary>
/// Tells every instance to drop its in-process copy of a product, and waits until they all said they did.
/// A message on <c>products:invalidate</c> carries a nonce and the product id; each instance (this one included)
/// drops its copy and answers on <c>products:invalidate:ack</c> with the nonce. PUBLISH returns how many
/// subscribers got the message, so the sender knows how many answers to wait for (bounded by a timeout: an
/// instance that does not answer holds its copy at most <see cref="ProductCacheOptions.LocalTtl"/>).
/// The multiplexer keeps the subscriptions on a connection of their own and subscribes again after a reconnect.
/// </summary>
public sealed class InvalidationBus(
    IConnectionMultiplexer redis, ProductCache cache, IOptions<ProductCacheOptions> options, ILogger<InvalidationBus> logger) : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("products:invalidate");
    public static readonly RedisChannel AckChannel = RedisChannel.Literal("products:invalidate:ack");

    private readonly ConcurrentDictionary<string, Waiter> _waiting = new();

    private ISubscriber Subscriber => redis.GetSubscriber();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Subscriber.SubscribeAsync(Channel, (_, message) => OnInvalidate(message.ToString()));
            await Subscriber.SubscribeAsync(AckChannel, (_, nonce) => OnAck(nonce.ToString()));
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            // The handlers are registered already: the multiplexer subscribes them once Redis is back.
            logger.LogWarning("Invalidation subscriptions wait for Redis to come back: {Reason}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>True when every subscribed instance confirmed; false when Redis was unreachable or some did not answer in time.</returns>
    public async Task<bool> BroadcastAsync(Guid productId)
    {
        var nonce = Guid.NewGuid().ToString("N");
        var waiter = _waiting[nonce] = new Waiter();
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.InvalidationAckTimeout);
            var receivers = await Subscriber.PublishAsync(Channel, $"{nonce}:{productId:N}").WaitAsync(timeout.Token);
            if (!waiter.Expect(receivers)) await waiter.Done.Task.WaitAsync(timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or OperationCanceledException or TimeoutException)
        {
            logger.LogWarning("Invalidation of product {ProductId} not confirmed by every instance: {Reason}", productId, ex.Message);
            return false;
        }
        finally
        {
            _waiting.TryRemove(nonce, out _);
        }
    }

    private void OnInvalidate(string message)
    {
        var separator = message.IndexOf(':');
        if (separator < 0 || !Guid.TryParse(message.AsSpan(separator + 1), out var id)) return;
        cache.DropLocal(id);
        var nonce = message[..separator];
        // The answer is sent without waiting for it (fire and forget): a handler should not hold up the next message.
        _ = Subscriber.PublishAsync(AckChannel, nonce).ContinueWith(
            t => logger.LogWarning("Invalidation ack failed: {Reason}", t.Exception?.GetBaseException().Message),
            TaskContinuationOptions.OnlyOnFaulted);
    }

    private void OnAck(string nonce)
    {
        if (_waiting.TryGetValue(nonce, out var waiter)) waiter.Ack();
    }

    /// <summary>Counts answers, which may arrive before PUBLISH's reply says how many to expect.</summary>
    private sealed class Waiter
    {
        private readonly Lock _gate = new();
        private long _acks;
        private long _expected = -1;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <returns>True when all expected answers are already in.</returns>
        public bool Expect(long receivers)
        {
            lock (_gate)
            {
                _expected = receivers;
                if (_acks < receivers) return false;
            }
            Done.TrySetResult();
            return true;
        }

        public void Ack()
        {
            lock (_gate)
            {
                _acks++;
                if (_expected < 0 || _acks < _expected) return;
            }
            Done.TrySetResult();
        }
    }
}
