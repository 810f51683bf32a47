using StackExchange.Redis;
using StackExchange.Redis.Configuration;

namespace ECommerce.Coordination;

/// <summary>
/// Defaults for a Redis that callers can do without for a while: start without it, fail calls at once while it is
/// away instead of queueing them (<see cref="BacklogPolicy.FailFast"/>), give up on a connect or a reply after 2 s
/// (the async timeout follows the sync one), and reconnect within seconds once it is back. Being defaults, whatever
/// the connection string or the <c>Aspire:StackExchange:Redis</c> section sets explicitly still wins. One connect
/// attempt at start (not three): a service starting while Redis is down is not held up; the heartbeat reconnects.
/// </summary>
internal sealed class FailFastRedisDefaults : DefaultOptionsProvider
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public override bool AbortOnConnectFail => false;

    public override BacklogPolicy BacklogPolicy => BacklogPolicy.FailFast;

    public override int ConnectRetry => 1;

    public override TimeSpan? ConnectTimeout => Timeout;

    public override TimeSpan SyncTimeout => Timeout;

    public override IReconnectRetryPolicy ReconnectRetryPolicy =>
        new ExponentialRetry(deltaBackOffMilliseconds: 100, maxDeltaBackOffMilliseconds: 2000);
}
