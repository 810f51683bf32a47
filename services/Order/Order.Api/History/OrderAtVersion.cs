using System.Text.Json.Serialization;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Orders;

namespace ECommerce.Order.Api.History;

/// <summary>The order as it was after event <see cref="Version"/>, folded from the stream (not from the read table).</summary>
public sealed record OrderAtVersion(
    Guid Id,
    long Version,
    string Status,
    IReadOnlyList<OrderItem> Items,
    decimal Total,
    string Currency,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FailureReason)
{
    public static OrderAtVersion From(OrderAggregate order) => new(
        order.Id, order.Version, order.Status.ToString(), OrderItem.From(order.Lines), order.Total, order.Currency,
        order.CreatedAt, order.UpdatedAt, order.FailureReason?.ToString());
}
