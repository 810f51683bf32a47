using System.Collections.Concurrent;
using ECommerce.Redis;
using Microsoft.Extensions.Options;

namespace ECommerce.Product.Api.Caching;

/// <summary>
/// Tells every instance to drop its in-process copy of a product, and waits until they all said they did.
/// A message on <c>products:invalidate</c> carries a nonce and the product id; each instance (this one included)
/// drops its copy and answers on <c>products:invalidate:ack</c> with the nonce. PUBLISH returns how many
/// subscribers got the message, so the sender knows how many answers to wait for (bounded by a timeout: an
/// instance that does not answer holds its copy at most <see cref="ProductCacheOptions.LocalTtl"/>).
/// </summary>
public sealed class InvalidationBus(
    RedisSubscriber subscriber, ProductCache cache, IOptions<ProductCacheOptions> options, ILogger<InvalidationBus> logger) : IHostedService
{
    public const string Channel = "products:invalidate";
    public const string AckChannel = "products:invalidate:ack";

    private readonly ConcurrentDictionary<string, Waiter> _waiting = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await subscriber.SubscribeAsync(Channel, (_, message) => OnInvalidate(message), cancellationToken);
        await subscriber.SubscribeAsync(AckChannel, (_, nonce) => OnAck(nonce), cancellationToken);
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
            var receivers = await subscriber.PublishAsync(Channel, $"{nonce}:{productId:N}", timeout.Token);
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
        // Handlers run on the subscriber's reader loop: the answer is sent without waiting for it.
        _ = subscriber.PublishAsync(AckChannel, nonce).ContinueWith(
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
