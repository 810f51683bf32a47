namespace ECommerce.Order.Api.History;

/// <summary>One event of an order's stream, as GET /api/orders/{id}/history shows it.</summary>
public sealed record HistoryEntry(long Version, string Type, DateTimeOffset OccurredAt, object Data);
