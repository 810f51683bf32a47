namespace ECommerce.Inventory.Api.Reservations;

/// <summary>A reservation's state machine: Reserved -> Committed | Released. Failed: nothing was held.</summary>
public enum ReservationStatus { Reserved, Committed, Released, Failed }
