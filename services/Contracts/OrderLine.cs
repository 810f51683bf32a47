namespace ECommerce.Contracts;

/// <summary>One product line of an order, priced when the order was placed.</summary>
public sealed record OrderLine(string ProductId, string Name, int Quantity, decimal UnitPrice);
