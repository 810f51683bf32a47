namespace ECommerce.Inventory.Api.Reservations;

/// <summary>The state machine's rules, with no I/O. <c>null</c> means the order has no reservation row.</summary>
public static class ReservationTransitions
{
    public static ReservationStep Release(ReservationStatus? current) => current switch
    {
        null => ReservationStep.Tombstone,
        ReservationStatus.Reserved => ReservationStep.Apply,
        ReservationStatus.Released or ReservationStatus.Failed => ReservationStep.AlreadyDone,
        _ => ReservationStep.Refused,
    };

    public static ReservationStep Commit(ReservationStatus? current) => current switch
    {
        ReservationStatus.Reserved => ReservationStep.Apply,
        ReservationStatus.Committed => ReservationStep.AlreadyDone,
        _ => ReservationStep.Refused,
    };
}
