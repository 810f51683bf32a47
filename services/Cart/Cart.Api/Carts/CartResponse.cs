namespace ECommerce.Cart.Api.Carts;

/// <summary>API.md: <c>{ items: [{ productId, name, unitPrice, quantity, lineTotal }], total, currency }</c>.</summary>
public sealed record CartResponse(IReadOnlyList<CartItemResponse> Items, decimal Total, string Currency)
{
    public static CartResponse From(IReadOnlyList<CartLine> lines, string defaultCurrency)
    {
        var items = lines.Select(l => new CartItemResponse(l.ProductId, l.Name, l.UnitPrice, l.Quantity, l.UnitPrice * l.Quantity)).ToList();
        return new CartResponse(items, items.Sum(i => i.LineTotal), lines.FirstOrDefault()?.Currency ?? defaultCurrency);
    }
}

public sealed record CartItemResponse(string ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal);
