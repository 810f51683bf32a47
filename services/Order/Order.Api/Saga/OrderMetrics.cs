using System.Diagnostics.Metrics;
using ECommerce.Order.Api.Domain;
using ECommerce.ServiceDefaults.Telemetry;
using DomainEvents = ECommerce.Order.Api.Domain.Events;

namespace ECommerce.Order.Api.Saga;

/// <summary>
/// Business metrics of the saga (meter <c>ECommerce.Order</c>). Recorded when a step decides, just before its
/// transaction commits: a step that then rolls back and is redelivered can count twice, which a dashboard tolerates.
/// </summary>
public sealed class OrderMetrics
{
    private static readonly Meter Meter = Instrumentation.CreateMeter("Order");
    private static readonly Counter<long> Placed = Meter.CreateCounter<long>("orders.placed", description: "Checkouts accepted");
    private static readonly Counter<long> Confirmed = Meter.CreateCounter<long>("orders.confirmed");
    private static readonly Counter<long> Cancelled = Meter.CreateCounter<long>("orders.cancelled", description: "Tagged with the reason");
    private static readonly Histogram<double> SagaDuration = Meter.CreateHistogram<double>(
        "orders.saga.duration", unit: "s", description: "From checkout to Confirmed or Cancelled");
    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>(
        "orders.saga.conflicts", description: "Saga steps decided again because the order's stream moved on (Marten's optimistic concurrency)");
    private long _conflicts;

    /// <summary>Steps of this instance that lost a race on the stream version and were decided again.</summary>
    public long ConcurrentChanges => Interlocked.Read(ref _conflicts);

    public void ConcurrentChange()
    {
        Interlocked.Increment(ref _conflicts);
        Conflicts.Add(1);
    }

    public void OrderPlaced() => Placed.Add(1);

    public void Decided(OrderAggregate before, SagaDecision decision, DateTimeOffset now)
    {
        foreach (var e in decision.Events)
        {
            switch (e)
            {
                case DomainEvents.OrderConfirmed:
                    Confirmed.Add(1);
                    SagaDuration.Record((now - before.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("outcome", "Confirmed"));
                    break;
                case DomainEvents.OrderCancelled c:
                    Cancelled.Add(1, new KeyValuePair<string, object?>("reason", c.Reason.ToString()));
                    SagaDuration.Record((now - before.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("outcome", "Cancelled"));
                    break;
            }
        }
    }
}
