using System.Text.Json.Serialization;

namespace ECommerce.Order.Api.Orders;

/// <summary>An order as GET /api/orders/{id} answers.</summary>
public sealed record OrderView(
    Guid Id,
    string Status,
    IReadOnlyList<OrderItem> Items,
    decimal Total,
    string Currency,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FailureReason)
{
    [JsonIgnore] public string UserId { get; init; } = "";
}
