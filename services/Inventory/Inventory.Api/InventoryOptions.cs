namespace ECommerce.Inventory.Api;

/// <summary>Bound from <c>Inventory</c>.</summary>
public sealed class InventoryOptions
{
    public const string SectionName = "Inventory";

    /// <summary>
    /// On-hand units a product gets the first time inventory hears of it (a GET or a reservation): the catalog lives in
    /// another service, so stock rows are created lazily instead of seeded from a product list this service cannot read.
    /// </summary>
    public int DefaultOnHand { get; set; } = 100;

    /// <summary>How often expired reservations are looked for and released.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many expired reservations are released per sweep.</summary>
    public int SweepBatchSize { get; set; } = 100;
}
