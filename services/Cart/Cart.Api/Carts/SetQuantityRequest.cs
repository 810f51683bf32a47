namespace ECommerce.Cart.Api.Carts;

/// <summary>Body of <c>PUT /api/cart/items/{productId}</c>: the quantity the cart should hold (1..99).</summary>
public sealed record SetQuantityRequest(int? Quantity)
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 99;

    public Dictionary<string, string[]> Validate() =>
        Quantity switch
        {
            null => new() { ["quantity"] = ["Quantity is required."] },
            < MinQuantity or > MaxQuantity => new() { ["quantity"] = [$"Quantity must be between {MinQuantity} and {MaxQuantity}."] },
            _ => [],
        };
}
