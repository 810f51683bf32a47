using ECommerce.Contracts;
using ECommerce.Inventory.Api.Stock;

namespace ECommerce.Inventory.Api.Reservations;

/// <summary>The all-or-nothing rule, with no I/O: the store locks the rows, asks this, then writes what it says.</summary>
public static class ReservationDecision
{
    /// <summary>
    /// One line per product (an order may name a product twice), sorted by product id: the order in which rows are
    /// locked, the same in every transaction, so concurrent reservations queue instead of deadlocking.
    /// </summary>
    public static IReadOnlyList<ReservationLine> Normalize(IEnumerable<OrderLine> lines)
    {
        var normalized = lines
            .GroupBy(l => l.ProductId, StringComparer.Ordinal)
            .Select(g => new ReservationLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.ProductId, StringComparer.Ordinal)
            .ToList();
        if (normalized.Count == 0) throw new ArgumentException("A reservation needs at least one line.");
        if (normalized.Find(l => string.IsNullOrWhiteSpace(l.ProductId) || l.Quantity <= 0) is { } bad)
            throw new ArgumentException($"Line '{bad.ProductId}' needs a product id and a positive quantity.");
        return normalized;
    }

    public static ReservationVerdict Decide(IReadOnlyList<ReservationLine> lines, IReadOnlyDictionary<string, StockLevel> stock)
    {
        var shortIds = lines
            .Where(l => !stock.TryGetValue(l.ProductId, out var level) || level.Available < l.Quantity)
            .Select(l => l.ProductId)
            .ToList();
        return new ReservationVerdict(shortIds);
    }
}
