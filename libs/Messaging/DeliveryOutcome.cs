namespace ECommerce.Messaging;

/// <summary>What the consumer tells the broker about a delivery once the processor is done with it.</summary>
internal enum DeliveryOutcome
{
    /// <summary>Handled, already handled, moved to a retry queue or parked: the broker may forget this delivery.</summary>
    Ack,
    /// <summary>Not handled and not moved anywhere (shutdown, broker unreachable for the retry): deliver it again.</summary>
    Requeue,
}
