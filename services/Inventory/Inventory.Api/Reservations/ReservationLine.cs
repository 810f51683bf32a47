namespace ECommerce.Inventory.Api.Reservations;

public sealed record ReservationLine(string ProductId, int Quantity);
