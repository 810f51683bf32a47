namespace ECommerce.Inventory.Api.Reservations;

/// <summary>What a command does to a reservation in a given state.</summary>
public enum ReservationStep
{
    /// <summary>Change stock and move the reservation to its next state.</summary>
    Apply,

    /// <summary>The state is already the one asked for: a redelivery, nothing to change.</summary>
    AlreadyDone,

    /// <summary>The state rules the command out (releasing a committed reservation); nothing changes.</summary>
    Refused,

    /// <summary>No reservation yet: remember the release, so a late reservation for the order holds nothing.</summary>
    Tombstone,
}
