namespace ECommerce.Inventory.Api.Reservations;

/// <summary>All lines can be held, or the products that are short (and then nothing is held).</summary>
public sealed record ReservationVerdict(IReadOnlyList<string> ShortProductIds)
{
    public bool CanReserve => ShortProductIds.Count == 0;
}
