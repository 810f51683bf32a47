namespace ECommerce.Cart.Api.Carts;

/// <summary>The <c>Cart</c> section.</summary>
public sealed class CartOptions
{
    public const string SectionName = "Cart";

    /// <summary>A cart untouched this long disappears; every read or change starts the period again (sliding).</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The currency of an empty cart (a cart's lines carry the product's own).</summary>
    public string DefaultCurrency { get; set; } = "USD";
}
